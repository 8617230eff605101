// One HTTP exchange of a message as it happened: what was sent (headers as sent, secrets
// masked), what came back, and where the time went.
import { LocalDateTime } from "@/components/deliveries/local-time";
import type { AttemptView } from "@/lib/webhooks/deliveries";

const TRIGGER_LABELS: Record<string, string> = {
  automatic: "Automatic",
  redeliver: "Redeliver",
  test: "Test Webhook",
  "test-wrong-signature": "Test Webhook, wrong signature",
};

const mono = "font-mono text-xs text-slate-800 [overflow-wrap:anywhere]";
const codeBlock = `max-h-72 overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 ${mono}`;

export function AttemptCard({ attempt }: { attempt: AttemptView }) {
  const headingId = `attempt-${attempt.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={headingId} className="font-semibold">
          Attempt {attempt.number} · {TRIGGER_LABELS[attempt.trigger] ?? attempt.trigger}
        </h4>
        <span className="text-sm text-slate-600">
          <LocalDateTime at={attempt.startedAt} relative="after" />
        </span>
      </div>
      <p className={`mt-2 text-sm font-medium ${attempt.succeeded ? "text-emerald-800" : "text-red-800"}`}>
        <span aria-hidden>{attempt.succeeded ? "✓ " : "✕ "}</span>
        {attempt.succeeded ? "Succeeded" : `Failed${attempt.errorMessage ? `: ${attempt.errorMessage}` : ""}`}
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">URL</dt>
        <dd className={mono}>{attempt.url || "(no webhook URL was set)"}</dd>
        <dt className="text-slate-500">Status code</dt>
        <dd className="tabular-nums">{attempt.responseStatus ?? "No response"}</dd>
        <dt className="text-slate-500">Latency</dt>
        <dd className="tabular-nums">
          {attempt.latencyMs} ms
          <TimingSplit timings={attempt.timings} />
        </dd>
        <dt className="text-slate-500">Settings</dt>
        <dd>{settingsLabel(attempt)}</dd>
      </dl>
      <RequestHeaders headers={attempt.requestHeaders} />
      <ResponseDetails attempt={attempt} />
    </article>
  );
}

function settingsLabel({ trigger, configVersion }: AttemptView): string {
  if (trigger.startsWith("test")) return `The Provisioning form as it was when tested${configVersion ? ` (based on version ${configVersion})` : ""}`;
  return configVersion ? `Version ${configVersion} of the Provisioning settings` : "No saved Provisioning settings";
}

function TimingSplit({ timings }: { timings: AttemptView["timings"] }) {
  const phases: [string, number | undefined][] = [
    ["DNS", timings.dnsMs],
    ["connect", timings.connectMs],
    ["TLS", timings.tlsMs],
    ["first byte", timings.firstByteMs],
  ];
  const present = phases.flatMap(([name, ms]) => (typeof ms === "number" ? [`${name} ${Math.round(ms)} ms`] : []));
  if (present.length === 0) return null;
  return <span className="text-slate-500"> ({present.join(" · ")})</span>;
}

function RequestHeaders({ headers }: { headers: AttemptView["requestHeaders"] }) {
  return (
    <table className="mt-3 w-full table-fixed text-left">
      <caption className="mb-1 text-left text-sm font-medium text-slate-900">Request headers as sent</caption>
      <colgroup>
        <col className="w-56" />
        <col />
      </colgroup>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody className={`divide-y divide-slate-100 rounded-md border border-slate-200 bg-slate-50 ${mono}`}>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row" className="px-3 py-1 align-top font-normal text-slate-600 [overflow-wrap:anywhere]">
              {name}
            </th>
            <td className="px-3 py-1">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ResponseDetails({ attempt }: { attempt: AttemptView }) {
  if (attempt.responseStatus === null) {
    return <p className="mt-3 text-sm text-slate-500">No response was received.</p>;
  }
  const headers = Object.entries(attempt.responseHeaders ?? {});
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-900">Response {attempt.responseStatus}: headers and body</summary>
      <p className="mt-2 font-medium text-slate-900">Response headers</p>
      <pre className={`mt-1 ${codeBlock}`}>
        {headers.length > 0 ? headers.map(([name, value]) => `${name}: ${value}`).join("\n") : "(no headers)"}
      </pre>
      <p className="mt-2 font-medium text-slate-900">
        Response body
        {attempt.responseBodyTruncated ? <span className="font-normal text-slate-500"> (truncated at 64 KB)</span> : null}
      </p>
      <pre className={`mt-1 ${codeBlock}`}>{attempt.responseBody ? attempt.responseBody : "(empty)"}</pre>
    </details>
  );
}
