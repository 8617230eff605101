// How the audit log records a credential (an API key, a token): its name and the prefix the UI
// shows; the secret only as masked, since Rollcall keeps nothing but its hash.
import { maskSecret } from "@/lib/audit/mask";
import type { AuditEventInput } from "@/lib/audit/record";

type CredentialEvent = Pick<AuditEventInput, "action" | "summary" | "before" | "after">;
type Credential = { name: string; prefix: string };
/** The audit action's stem ("scim_token") and the credential's name in a sentence ("SCIM token"). */
type CredentialKind = { action: string; label: string };

export function credentialCreated(kind: CredentialKind, credential: Credential, secret: string): CredentialEvent {
  return {
    action: `${kind.action}.created`,
    summary: `${kind.label} “${credential.name}” created`,
    after: { name: credential.name, prefix: credential.prefix, secret: maskSecret(secret) },
  };
}

export function credentialRevoked(kind: CredentialKind, credential: Credential, revokedAt: Date): CredentialEvent {
  const { name, prefix } = credential;
  return {
    action: `${kind.action}.revoked`,
    summary: `${kind.label} “${name}” revoked`,
    before: { name, prefix, revokedAt: null },
    after: { name, prefix, revokedAt },
  };
}
