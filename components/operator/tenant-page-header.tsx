// The top of a vendor's or district's console page: back to the list, the name and its status,
// Suspend / Resume, and what a suspension means while one is in force.
import Link from "next/link";
import { TenantStatusBadge } from "@/components/operator/status-badge";
import { SuspensionControl } from "@/components/operator/suspension-control";
import { formatTimestamp } from "@/components/ui/format-timestamp";

type TenantPageHeaderProps = {
  kind: "vendor" | "district";
  tenant: { id: string; name: string; suspendedAt: Date | null };
  /** What is refused and paused while suspended, e.g. "its API keys are refused and its webhooks and deliveries are paused". */
  suspensionEffects: string;
};

export function TenantPageHeader({ kind, tenant, suspensionEffects }: TenantPageHeaderProps) {
  const list = kind === "vendor" ? { href: "/operator/vendors", label: "← Vendors" } : { href: "/operator/districts", label: "← Districts" };
  return (
    <>
      <Link href={list.href} className="text-sm text-brand-700 hover:underline">
        {list.label}
      </Link>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          {tenant.name} <TenantStatusBadge suspendedAt={tenant.suspendedAt} />
        </h1>
        <SuspensionControl kind={kind} tenantId={tenant.id} tenantName={tenant.name} suspended={tenant.suspendedAt !== null} />
      </div>
      {tenant.suspendedAt ? (
        <p role="status" className="mt-4 max-w-3xl rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          Suspended since {formatTimestamp(tenant.suspendedAt)}: its admins cannot sign in, {suspensionEffects}. Nothing is deleted; resume to restore
          everything.
        </p>
      ) : null}
    </>
  );
}
