"use client";

// Creating (shown once, with a copy button) and revoking the instance's operator tokens.
import { CreateCredential } from "@/components/credentials/create-credential";
import { CredentialList, type CredentialRow } from "@/components/credentials/credential-list";
import { createOperatorTokenAction, revokeOperatorTokenAction } from "@/lib/monitoring/actions";
import { createOperatorTokenSchema } from "@/lib/monitoring/schemas";

const LABELS = {
  name: "Token name",
  placeholder: "Prometheus",
  submit: "Create token",
  created: "New operator token",
  value: "New operator token value",
  copy: "Copy token",
};

export function OperatorTokensPanel({ tokens }: { tokens: CredentialRow[] }) {
  return (
    <div className="space-y-4">
      <CreateCredential
        schema={createOperatorTokenSchema}
        labels={LABELS}
        create={async (input) => {
          const result = await createOperatorTokenAction(input);
          return result.ok ? { ok: true, data: { name: result.data.name, secret: result.data.token } } : result;
        }}
        createdMessage={(name) => (
          <>
            Token “{name}” created. Save it in your monitoring system&apos;s token file now: you will not see it again, because Rollcall keeps only a
            hash of it.
          </>
        )}
      />
      <CredentialList
        rows={tokens}
        caption="Operator tokens"
        prefixHeading="Token"
        empty="No operator tokens yet. Create one for each monitoring system, so you can revoke one without stopping the others."
        revokeConsequence="Scrapes with this token are refused from the next request on."
        revoke={(tokenId) => revokeOperatorTokenAction({ tokenId })}
      />
    </div>
  );
}
