// One line at the top of the Single sign-on page: configured or not, sign-in on or off, JIT on or off.
import type { SsoConnectionSettings } from "@/lib/sso/connection";

type Tone = "on" | "off" | "warning";

const TONES: Record<Tone, string> = {
  on: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  off: "bg-slate-100 text-slate-700 ring-slate-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
};

function Pill({ tone, children }: { tone: Tone; children: string }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}

export function SsoStatus({ settings }: { settings: SsoConnectionSettings }) {
  return (
    <section aria-label="Status" className="mt-6 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-5 py-3 text-sm shadow-sm">
      <span className="font-medium text-slate-800">Status:</span>
      {settings.idp ? <Pill tone="on">Configured</Pill> : <Pill tone="warning">Not configured</Pill>}
      <Pill tone={settings.signInEnabled ? "on" : "off"}>{settings.signInEnabled ? "Sign-in on" : "Sign-in off"}</Pill>
      <Pill tone={settings.jitEnabled ? "on" : "off"}>{settings.jitEnabled ? "Just-in-time provisioning on" : "Just-in-time provisioning off"}</Pill>
      {!settings.idp ? <span className="text-slate-600">Save your identity provider below to begin.</span> : null}
      {settings.idp && !settings.signInEnabled ? <span className="text-slate-600">Run a test sign-in, then turn sign-in on under Sign-in switches.</span> : null}
    </section>
  );
}
