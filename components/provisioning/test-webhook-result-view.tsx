// What the endpoint did with the test: a verdict in words and colour with its status and
// latency (announced), then the response it sent (body excerpt and headers) for debugging.
import type { ReactNode } from "react";
import { ActionFailureMessage } from "@/components/provisioning/action-failure-message";
import type { ActionFailure } from "@/lib/actions/result";
import type { TestWebhookResult } from "@/lib/webhooks/test-webhook";

export type TestOutcome = { kind: "result"; result: TestWebhookResult } | { kind: "failure"; failure: ActionFailure } | { kind: "unreachable" };

type ResponseExcerpt = NonNullable<TestWebhookResult["response"]>;

export function TestWebhookResultView({ outcome }: { outcome: TestOutcome | null }) {
  const response = outcome?.kind === "result" ? outcome.result.response : null;
  return (
    <div className="space-y-3">
      {/* Always rendered, so that each new outcome is announced. */}
      <div role="status" aria-label="Test result">
        {outcome ? <Verdict outcome={outcome} /> : null}
      </div>
      {response ? <ResponseView response={response} /> : null}
    </div>
  );
}

function Verdict({ outcome }: { outcome: TestOutcome }) {
  if (outcome.kind === "unreachable") {
    return <VerdictBox succeeded={false}>The test could not be sent: the connection to Rollcall failed. Try again.</VerdictBox>;
  }
  if (outcome.kind === "failure") {
    return (
      <VerdictBox succeeded={false}>
        <ActionFailureMessage failure={outcome.failure} />
      </VerdictBox>
    );
  }
  const { result } = outcome;
  return (
    <VerdictBox succeeded={result.succeeded}>
      <p className="font-medium">
        {result.signature === "wrong" ? "Wrong-signature test " : "Test "}
        {result.succeeded ? "succeeded." : "failed."}
      </p>
      <p>{result.summary}</p>
      <p className="mt-1">
        {result.status === null ? "No response" : `Status ${result.status}`} · Latency {result.latencyMs} ms
      </p>
    </VerdictBox>
  );
}

function VerdictBox({ succeeded, children }: { succeeded: boolean; children: ReactNode }) {
  const tone = succeeded ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-red-200 bg-red-50 text-red-800";
  return <div className={`rounded-md border px-4 py-3 text-sm ${tone}`}>{children}</div>;
}

const codeBlock =
  "max-h-48 overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800 [overflow-wrap:anywhere]";

function ResponseView({ response }: { response: ResponseExcerpt }) {
  const headers = Object.entries(response.headers);
  return (
    <div className="space-y-2 text-sm">
      <p className="font-medium text-slate-900">
        Response body{response.truncated ? <span className="font-normal text-slate-500"> (truncated)</span> : null}
      </p>
      <pre className={codeBlock}>{response.body === "" ? "(empty)" : response.body}</pre>
      <details>
        <summary className="cursor-pointer font-medium text-slate-900">Response headers ({headers.length})</summary>
        <pre className={`mt-2 ${codeBlock}`}>{headers.map(([name, value]) => `${name}: ${value}`).join("\n")}</pre>
      </details>
    </div>
  );
}
