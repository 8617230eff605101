"use client";

// Creating (shown once, with a copy button) and revoking the district's people API tokens.
import { CreateCredential } from "@/components/credentials/create-credential";
import { CredentialList, type CredentialRow } from "@/components/credentials/credential-list";
import { createDistrictApiTokenAction, revokeDistrictApiTokenAction } from "@/lib/district-api/actions";
import { createDistrictApiTokenSchema } from "@/lib/district-api/token-schema";

const LABELS = {
  name: "Token name",
  placeholder: "Student information system nightly sync",
  submit: "Create token",
  created: "New API token",
  value: "New API token value",
  copy: "Copy token",
};

export function DistrictApiTokensPanel({ tokens }: { tokens: CredentialRow[] }) {
  return (
    <div className="space-y-4">
      <CreateCredential
        schema={createDistrictApiTokenSchema}
        labels={LABELS}
        create={async (input) => {
          const result = await createDistrictApiTokenAction(input);
          return result.ok ? { ok: true, data: { name: result.data.name, secret: result.data.token } } : result;
        }}
        createdMessage={(name) => (
          <>
            Token “{name}” created. Copy it into the system that will send your people now: you will not see it again, because Rollcall keeps only a
            hash of it.
          </>
        )}
      />
      <CredentialList
        rows={tokens}
        caption="People API tokens"
        prefixHeading="Token"
        empty="No tokens yet. Create one for each system that sends people (or each rotation), so you can revoke one without stopping the others."
        revokeConsequence="Requests with this token are refused at once; nothing they already imported changes."
        revoke={(tokenId) => revokeDistrictApiTokenAction({ tokenId })}
      />
    </div>
  );
}
