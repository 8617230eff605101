// The receiver snippet (lib/launch/receiver-snippet.mjs, as the tests run it) and how to call
// it with this application's values, each ready to copy.
import { CopyButton } from "@/components/ui/copy-button";

type ReceiverSnippetViewProps = { snippet: string; issuer: string; audience: string; jwksUrl: string };

export function ReceiverSnippetView({ snippet, issuer, audience, jwksUrl }: ReceiverSnippetViewProps) {
  const usage = `import { createLaunchVerifier } from "./rollcall-launch.mjs";

const verify = createLaunchVerifier({
  jwksUrl: ${JSON.stringify(jwksUrl)},
  issuer: ${JSON.stringify(issuer)},
  audience: ${JSON.stringify(audience)},
});

// In your launch route: const person = await verify(launchTokenFromTheQuery);`;

  return (
    <section aria-labelledby="receiver-heading" className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="receiver-heading" className="text-lg font-semibold">
          Verify the token in your receiver
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Node.js with the <code className="text-slate-800">jose</code> npm package. Save it as{" "}
          <code className="text-slate-800">rollcall-launch.mjs</code>; <code className="text-slate-800">verify(token)</code> returns the
          claims, or throws with the reason it refused the token (bad signature, another audience, expired, already used).
        </p>
      </div>
      <CodeBlock title="rollcall-launch.mjs" copyLabel="Copy receiver snippet" code={snippet} />
      <CodeBlock title="Using it for this application" copyLabel="Copy usage" code={usage} />
    </section>
  );
}

function CodeBlock({ title, copyLabel, code }: { title: string; copyLabel: string; code: string }) {
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-slate-900">{title}</h3>
        <CopyButton text={code} label={copyLabel} />
      </div>
      <pre tabIndex={0} aria-label={title} className="mt-2 max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800">
        {code}
      </pre>
    </div>
  );
}
