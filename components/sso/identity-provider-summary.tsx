// The identity provider as saved: its entity ID, SSO URL and each signing certificate's subject,
// expiry and fingerprint, with a badge when a certificate expires soon or has expired.
import { certificateSummary, EXPIRY_WARNING_DAYS, formatDay } from "@/lib/sso/certificate";
import type { SavedIdentityProvider } from "@/lib/sso/connection";

const DAY_MS = 86_400_000;

function ExpiryBadge({ validTo, now }: { validTo: Date; now: Date }) {
  if (validTo.getTime() <= now.getTime()) {
    return <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200 ring-inset">Expired</span>;
  }
  if (validTo.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
    return <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300 ring-inset">Expires soon</span>;
  }
  return null;
}

function CertificateDetails({ pem, number, now }: { pem: string; number: number; now: Date }) {
  let summary;
  try {
    summary = certificateSummary(pem);
  } catch {
    return <li className="text-sm text-red-700">Certificate {number} can no longer be read. Save your identity provider again.</li>;
  }
  return (
    <li className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-800">
        Signing certificate {number} <ExpiryBadge validTo={summary.validTo} now={now} />
      </p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Subject</dt>
        <dd className="break-all">{summary.subject}</dd>
        <dt className="text-slate-500">Valid until</dt>
        <dd>{formatDay(summary.validTo)}</dd>
        <dt className="text-slate-500">SHA-256 fingerprint</dt>
        <dd className="font-mono text-xs break-all">{summary.sha256Fingerprint}</dd>
      </dl>
    </li>
  );
}

export function IdentityProviderSummary({ idp, now = new Date() }: { idp: SavedIdentityProvider; now?: Date }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="text-sm font-semibold text-slate-900">Saved identity provider</h3>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-500">Entity ID</dt>
        <dd className="font-mono break-all">{idp.entityId}</dd>
        <dt className="text-slate-500">SSO URL</dt>
        <dd className="font-mono break-all">{idp.ssoUrl}</dd>
        {idp.metadataUrl ? (
          <>
            <dt className="text-slate-500">From metadata at</dt>
            <dd className="font-mono break-all">{idp.metadataUrl}</dd>
          </>
        ) : null}
      </dl>
      <ul className="mt-4 space-y-2">
        {idp.certificates.map((pem, index) => (
          <CertificateDetails key={pem} pem={pem} number={index + 1} now={now} />
        ))}
      </ul>
    </div>
  );
}
