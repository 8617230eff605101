// What a district admin gives their identity provider: Rollcall's entity ID, ACS URL and
// metadata for this district, and the sign-in link for teachers and students.
import { CopyButton } from "@/components/ui/copy-button";
import type { ServiceProvider } from "@/lib/sso/service-provider";

function DetailRow({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p id={`${id}-label`} className="text-sm font-medium text-slate-800">
          {label}
        </p>
        <p className="text-xs text-slate-500">{hint}</p>
        <code aria-labelledby={`${id}-label`} className="mt-1 block font-mono text-sm break-all text-slate-900">
          {value}
        </code>
      </div>
      <CopyButton text={value} label={`Copy ${label}`} />
    </div>
  );
}

export function ServiceProviderDetails({ serviceProvider }: { serviceProvider: ServiceProvider }) {
  return (
    <div className="space-y-4">
      <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-5 shadow-sm">
        <DetailRow id="sp-entity-id" label="Entity ID" hint="Also called Identifier or Audience URI." value={serviceProvider.entityId} />
        <DetailRow id="sp-acs-url" label="ACS URL" hint="Also called Reply URL or Assertion Consumer Service URL (HTTP-POST)." value={serviceProvider.acsUrl} />
        <DetailRow id="sp-metadata-url" label="Metadata URL" hint="Identity providers that read metadata (ADFS, Shibboleth) can take everything from here." value={serviceProvider.metadataUrl} />
        <div className="py-3">
          <a href={`${serviceProvider.metadataUrl}?download=1`} download className="text-sm font-medium text-brand-700 underline">
            Download metadata
          </a>
          <span className="ml-2 text-xs text-slate-500">An XML file to upload to your identity provider.</span>
        </div>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white px-5 shadow-sm">
        <DetailRow
          id="sp-sign-in-url"
          label="Sign-in link"
          hint="Give this link to your teachers and students: it signs them in through your identity provider and opens My apps."
          value={serviceProvider.signInUrl}
        />
      </div>
    </div>
  );
}
