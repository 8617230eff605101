// Test sign-in: the admin signs in at the identity provider in a new tab and sees what arrived
// and what a real sign-in would do; a test creates and changes nothing.
import { Alert } from "@/components/ui/alert";

export function TestSignIn({ testSignInUrl, ready }: { testSignInUrl: string; ready: boolean }) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <p className="max-w-2xl text-sm text-slate-600">
        Sign in at your identity provider as a teacher or student would. You then see every attribute Rollcall received, how your mapping and rules
        read them, and what a real sign-in would do. A test creates and changes nothing, even with sign-in or just-in-time provisioning off.
      </p>
      {ready ? (
        <a
          href={testSignInUrl}
          target="_blank"
          rel="noopener"
          className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Test sign-in
          <span className="sr-only">(opens in a new tab)</span>
          <span aria-hidden>↗</span>
        </a>
      ) : (
        <>
          <button type="button" disabled aria-describedby="test-sign-in-why" className="rounded-md bg-brand-600/50 px-3.5 py-2 text-sm font-medium text-white">
            Test sign-in
          </button>
          <div id="test-sign-in-why">
            <Alert tone="info">Save your identity provider first: the test sends you to it.</Alert>
          </div>
        </>
      )}
    </div>
  );
}
