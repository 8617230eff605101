// The request Submit Test would send, written out as HTTP: request line, headers, body.
import type { SampleRequest } from "@/lib/webhooks/test-webhook";

export function SampleRequestView({ sample }: { sample: SampleRequest }) {
  return (
    <section aria-labelledby="sample-request-heading">
      <h3 id="sample-request-heading" className="text-sm font-medium text-slate-900">
        Sample request
      </h3>
      <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800 [overflow-wrap:anywhere]">
        {`${sample.method} ${sample.url}\n`}
        {sample.headers.map(([name, value]) => `${name}: ${value}\n`).join("")}
        {`\n${sample.body}`}
      </pre>
    </section>
  );
}
