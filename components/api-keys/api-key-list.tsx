"use client";

import { CredentialList, type CredentialRow } from "@/components/credentials/credential-list";
import { revokeApiKeyAction } from "@/lib/partner-api/actions";

export type ApiKeyRow = CredentialRow;

export function ApiKeyList({ keys }: { keys: ApiKeyRow[] }) {
  return (
    <CredentialList
      rows={keys}
      caption="API keys"
      prefixHeading="Key"
      empty="No API keys yet. Create one for each system that calls the Partner API, so you can revoke one without stopping the others."
      revokeConsequence="Calls with this key stop working at once."
      revoke={(keyId) => revokeApiKeyAction({ keyId })}
    />
  );
}
