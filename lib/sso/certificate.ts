// An identity provider's signing certificates: read from PEM or bare base64 (as metadata
// carries them), checked for validity dates, and summarised for the Single sign-on page.
import { X509Certificate } from "node:crypto";

/** A certificate this close to expiry still works, but the district admin is warned. */
export const EXPIRY_WARNING_DAYS = 30;

export type CertificateSummary = { subject: string; issuer: string; validFrom: Date; validTo: Date; sha256Fingerprint: string };

export type CertificateCheck =
  | { ok: true; pem: string; summary: CertificateSummary; warning: string | null }
  /** `name` says which certificate ("The signing certificate (idp.example.org)"); `expiredOn` is set when it expired. */
  | { ok: false; message: string; name: string; expiredOn?: Date };

const DAY_MS = 86_400_000;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

/** Reads one certificate given as PEM or as the bare base64 of its DER; null when it is neither. */
export function readCertificate(input: string): X509Certificate | null {
  const body = (PEM_BLOCK.exec(input)?.[1] ?? input).replace(/\s+/g, "");
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  try {
    return new X509Certificate(Buffer.from(body, "base64"));
  } catch {
    return null;
  }
}

/** The certificate as canonical PEM (64-character lines), the form Rollcall stores. */
export function toPem(certificate: X509Certificate): string {
  const lines = certificate.raw.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export function certificateSummary(pem: string): CertificateSummary {
  const certificate = readCertificate(pem);
  if (!certificate) throw new Error("Not a certificate in PEM or base64 form");
  return summarise(certificate);
}

/**
 * Whether a certificate can verify the identity provider's signatures now: parsable, already
 * valid and not expired. `label` names it in messages ("The signing certificate", "Certificate 2").
 */
export function checkSigningCertificate(input: string, now: Date = new Date(), label = "The signing certificate"): CertificateCheck {
  const certificate = readCertificate(input);
  if (!certificate) {
    return {
      ok: false,
      name: label,
      message: `${label} could not be read. Paste the certificate as PEM (starting with -----BEGIN CERTIFICATE-----) or as the base64 text from the metadata.`,
    };
  }
  const summary = summarise(certificate);
  const named = `${label} (${commonName(summary.subject)})`;
  if (summary.validTo.getTime() <= now.getTime()) {
    return {
      ok: false,
      name: named,
      expiredOn: summary.validTo,
      message: `${named} expired on ${formatDay(summary.validTo)}. Download the current one from your identity provider.`,
    };
  }
  if (summary.validFrom.getTime() > now.getTime()) {
    return {
      ok: false,
      name: named,
      message: `${named} is not valid until ${formatDay(summary.validFrom)}. Check that it is the certificate your identity provider signs with today.`,
    };
  }
  const daysLeft = Math.floor((summary.validTo.getTime() - now.getTime()) / DAY_MS);
  const warning =
    daysLeft < EXPIRY_WARNING_DAYS
      ? `${named} expires on ${formatDay(summary.validTo)} (${daysLeft === 1 ? "in 1 day" : `in ${daysLeft} days`}). Add the identity provider's next certificate before then, or sign-in will stop working.`
      : null;
  return { ok: true, pem: toPem(certificate), summary, warning };
}

/** "3 March 2025", in UTC. */
export function formatDay(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

function summarise(certificate: X509Certificate): CertificateSummary {
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    sha256Fingerprint: certificate.fingerprint256,
  };
}

// Node gives one "KEY=value" per line; one line reads better in the UI and in messages.
function distinguishedName(lines: string): string {
  return lines.split("\n").filter(Boolean).join(", ");
}

function commonName(subject: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;
}
