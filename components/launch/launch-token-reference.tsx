// What a vendor's receiver needs to know about launch tokens: where the keys are, what to
// check, and what the token says.
import { CopyButton } from "@/components/ui/copy-button";
import { LAUNCH_TOKEN_ALGORITHM, LAUNCH_TOKEN_CLAIMS, LAUNCH_TOKEN_LIFETIME_SECONDS } from "@/lib/launch/token";

type LaunchTokenReferenceProps = { issuer: string; audience: string; jwksUrl: string };

export function LaunchTokenReference({ issuer, audience, jwksUrl }: LaunchTokenReferenceProps) {
  const facts = [
    { term: "Issuer (iss)", value: issuer, copy: "Copy issuer" },
    { term: "Audience (aud)", value: audience, copy: "Copy audience" },
    { term: "JWKS URL", value: jwksUrl, copy: "Copy JWKS URL" },
  ];
  return (
    <section aria-labelledby="launch-token-heading" className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="launch-token-heading" className="text-lg font-semibold">
          The launch token
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          A JSON Web Token signed with {LAUNCH_TOKEN_ALGORITHM}. Verify its signature with the keys at the JWKS URL, check the issuer and
          audience, refuse it after {LAUNCH_TOKEN_LIFETIME_SECONDS} seconds, and accept each token only once.
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_1fr]">
        {facts.map((fact) => (
          <div key={fact.term} className="contents">
            <dt className="pt-2 text-slate-500">{fact.term}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code className="rounded bg-slate-50 px-2 py-1 break-all text-slate-900">{fact.value}</code>
              <CopyButton text={fact.value} label={fact.copy} />
            </dd>
          </div>
        ))}
        <div className="contents">
          <dt className="text-slate-500">Lifetime</dt>
          <dd>{LAUNCH_TOKEN_LIFETIME_SECONDS} seconds, single use</dd>
        </div>
      </dl>
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-medium text-slate-900">Claims</caption>
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Claim
            </th>
            <th scope="col" className="py-2 font-medium">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {LAUNCH_TOKEN_CLAIMS.map((row) => (
            <tr key={row.claim}>
              <td className="py-2 pr-4 align-top font-mono text-xs whitespace-nowrap text-slate-900">{row.claim}</td>
              <td className="py-2 text-slate-700">{row.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
