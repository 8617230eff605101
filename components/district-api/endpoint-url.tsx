// The people API's address, with a copy button.
import { CopyButton } from "@/components/ui/copy-button";

export function EndpointUrl({ url }: { url: string }) {
  return (
    <div className="flex max-w-2xl flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="min-w-0 flex-1">
        <p id="people-endpoint-label" className="text-sm font-medium text-slate-800">
          Endpoint URL
        </p>
        <p className="mt-1 flex items-baseline gap-2">
          <span className="rounded bg-brand-100 px-2 py-0.5 font-mono text-xs font-bold text-brand-700">POST</span>
          <code aria-labelledby="people-endpoint-label" className="font-mono text-sm break-all text-slate-900">
            {url}
          </code>
        </p>
      </div>
      <CopyButton text={url} label="Copy endpoint URL" />
    </div>
  );
}
