"use client";

// Creating (shown once, with a copy button) and revoking the district's SCIM secret tokens.
import { CreateCredential } from "@/components/credentials/create-credential";
import { CredentialList, type CredentialRow } from "@/components/credentials/credential-list";
import { createScimTokenAction, revokeScimTokenAction } from "@/lib/scim/actions";
import { createScimTokenSchema } from "@/lib/scim/token-schema";

const LABELS = {
  name: "Token name",
  placeholder: "Microsoft Entra ID",
  submit: "Create token",
  created: "New token",
  value: "New token value",
  copy: "Copy token",
};

export function ScimTokensPanel({ tokens }: { tokens: CredentialRow[] }) {
  return (
    <div className="space-y-4">
      <CreateCredential
        schema={createScimTokenSchema}
        labels={LABELS}
        create={async (input) => {
          const result = await createScimTokenAction(input);
          return result.ok ? { ok: true, data: { name: result.data.name, secret: result.data.token } } : result;
        }}
        createdMessage={(name) => (
          <>
            Token “{name}” created. Copy it into your identity provider&apos;s Secret Token field now: you will not see it again, because Rollcall
            keeps only a hash of it.
          </>
        )}
      />
      <CredentialList
        rows={tokens}
        caption="SCIM tokens"
        prefixHeading="Token"
        empty="No tokens yet. Create one for each identity provider (or each rotation), so you can revoke one without stopping the others."
        revokeConsequence="Your identity provider's requests with this token are refused at once."
        revoke={(tokenId) => revokeScimTokenAction({ tokenId })}
      />
    </div>
  );
}
