"use client";

// Creating (shown once, with a copy button) and revoking Partner API keys.
import { ApiKeyList, type ApiKeyRow } from "@/components/api-keys/api-key-list";
import { CreateCredential } from "@/components/credentials/create-credential";
import { createApiKeyAction } from "@/lib/partner-api/actions";
import { createApiKeySchema } from "@/lib/partner-api/schema";

const LABELS = {
  name: "Key name",
  placeholder: "Production sync",
  submit: "Create API key",
  created: "New API key",
  value: "New API key value",
  copy: "Copy key",
};

export function ApiKeysPanel({ keys }: { keys: ApiKeyRow[] }) {
  return (
    <div className="mt-6 space-y-6">
      <CreateCredential
        schema={createApiKeySchema}
        labels={LABELS}
        create={async (input) => {
          const result = await createApiKeyAction(input);
          return result.ok ? { ok: true, data: { name: result.data.name, secret: result.data.key } } : result;
        }}
        createdMessage={(name) => `Key “${name}” created. Copy it now: Rollcall stores only a hash and cannot show it again.`}
      />
      <ApiKeyList keys={keys} />
    </div>
  );
}
