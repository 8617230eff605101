/** Stands in for a section that belongs to the connection, until the identity provider is saved. */
export function SaveIdpFirst({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-600">
      <p className="font-medium text-slate-800">Save your identity provider first</p>
      <p className="mt-1">
        {what} belong to the connection with your identity provider. Describe it under{" "}
        <a href="#identity-provider-heading" className="font-medium text-brand-700 underline">
          Your identity provider
        </a>{" "}
        and save; then this section opens.
      </p>
    </div>
  );
}
