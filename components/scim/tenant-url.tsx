// The SCIM base URL an identity provider asks for as "Tenant URL", with a copy button.
import { CopyButton } from "@/components/ui/copy-button";

export function TenantUrl({ url }: { url: string }) {
  return (
    <div className="flex max-w-2xl flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="min-w-0 flex-1">
        <p id="tenant-url-label" className="text-sm font-medium text-slate-800">
          Tenant URL
        </p>
        <code aria-labelledby="tenant-url-label" className="mt-1 block font-mono text-sm break-all text-slate-900">
          {url}
        </code>
      </div>
      <CopyButton text={url} label="Copy Tenant URL" />
    </div>
  );
}
