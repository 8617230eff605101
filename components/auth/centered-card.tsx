import type { ReactNode } from "react";

/** The narrow, centred layout of the sign-in pages. */
export function CenteredCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="text-center text-2xl font-bold tracking-tight text-brand-700">Rollcall</p>
        <h1 className="mt-6 text-center text-lg font-semibold">{title}</h1>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
        {footer ? <div className="mt-6 text-center text-sm text-slate-600">{footer}</div> : null}
      </div>
    </main>
  );
}
