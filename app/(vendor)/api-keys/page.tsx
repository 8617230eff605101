import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { listApiKeys } from "@/lib/partner-api/api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const admin = await requireVendorAdmin();
  const keys = await listApiKeys(admin.vendorId);
  return (
    <>
      <h1 className="text-2xl font-semibold">API keys</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Your systems call the Partner API with a key, as <code>Authorization: Bearer &lt;key&gt;</code>, to get a district&apos;s Data API
        credentials from the <code>districtGUID</code> in a webhook. See the{" "}
        <a href="/developers" className="text-brand-700 underline">
          API reference
        </a>
        .
      </p>
      <ApiKeysPanel keys={keys.map((key) => ({ ...key, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null, revokedAt: key.revokedAt?.toISOString() ?? null }))} />
    </>
  );
}
