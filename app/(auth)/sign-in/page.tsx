import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/sign-in-schema";
import { homePathFor } from "@/lib/auth/roles";
import { hasDemoData } from "@/lib/instance/demo";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/prisma/seed/demo-data";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(callbackUrl ? safeCallbackPath(callbackUrl) : homePathFor(user.role));
  const showDemoLogins = await hasDemoData();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-2xl font-bold tracking-tight text-brand-700">Rollcall</p>
        <h1 className="mt-6 text-center text-lg font-semibold">Sign in to your account</h1>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackPath={safeCallbackPath(callbackUrl)} />
        </div>
        <p className="mt-4 text-center text-sm text-slate-600">
          Teacher or student?{" "}
          <Link href="/sign-in/school" className="font-medium text-brand-700 underline">
            Sign in with your school account
          </Link>
        </p>
        {showDemoLogins ? (
          <section aria-labelledby="demo-logins" className="mt-6 rounded-lg border border-dashed border-slate-300 p-4 text-sm">
            <h2 id="demo-logins" className="font-medium">
              Demo logins
            </h2>
            <ul className="mt-2 space-y-1 text-slate-600">
              {DEMO_LOGINS.map((login) => (
                <li key={login.email}>
                  <code className="text-slate-900">{login.email}</code> — {login.description}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-slate-600">
              Password: <code className="text-slate-900">{DEMO_PASSWORD}</code>
            </p>
          </section>
        ) : null}
      </div>
    </main>
  );
}
