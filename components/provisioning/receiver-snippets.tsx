// How a vendor's receiver verifies Rollcall's signatures, with a Standard Webhooks library:
// the same snippets as docs/webhooks.md, ready to copy beside the signing secret.
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const NODE_SNIPPET = `import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.ROLLCALL_SIGNING_SECRET); // "whsec_…"
const seen = new Set(); // use your database in production

createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    let event;
    try {
      event = webhook.verify(body, request.headers); // throws on a bad signature or an old timestamp
    } catch {
      return response.writeHead(401).end("invalid signature");
    }
    const id = request.headers["webhook-id"];
    if (!seen.has(id)) {
      seen.add(id);
      queueProvisioning(event.districtGUID, event.mode); // do the slow work after answering
    }
    response.writeHead(200).end("ok");
  });
}).listen(8080);`;

const PYTHON_SNIPPET = `import os
from standardwebhooks.webhooks import Webhook

webhook = Webhook(os.environ["ROLLCALL_SIGNING_SECRET"])
event = webhook.verify(request.get_data(), dict(request.headers))  # raises on failure`;

const SNIPPETS = [
  { language: "Node.js", library: "the standardwebhooks npm package", code: NODE_SNIPPET },
  { language: "Python", library: "the standardwebhooks PyPI package", code: PYTHON_SNIPPET },
];

export function ReceiverSnippets() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-slate-900">Verify signatures in your receiver</summary>
      <p className="mt-2 text-slate-600">
        Keep the secret in <code className="text-slate-800">ROLLCALL_SIGNING_SECRET</code> and verify the raw body exactly as received;
        re-serialised JSON will not match.
      </p>
      {SNIPPETS.map((snippet) => (
        <Snippet key={snippet.language} {...snippet} />
      ))}
    </details>
  );
}

function Snippet({ language, library, code }: { language: string; library: string; code: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-medium text-slate-900">
          {language} <span className="font-normal text-slate-500">({library})</span>
        </h3>
        <CopyButton label={`Copy ${language} snippet`} text={code} />
      </div>
      <pre className="mt-2 max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800">
        {code}
      </pre>
    </section>
  );
}
