// The header of a signed-in teacher's or student's pages: who and which district, and Sign out
// (a plain form post, so it works before any script has loaded).
import Link from "next/link";

export function PersonHeader({ personName, districtName }: { personName: string; districtName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/my-apps" className="text-lg font-bold tracking-tight text-brand-700">
          Rollcall
        </Link>
        <span className="font-medium text-slate-800">{districtName}</span>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600">{personName}</span>
          <form action="/my-apps/sign-out" method="post">
            <button
              type="submit"
              className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
