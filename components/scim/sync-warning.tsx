// The warning Entra would give as "quarantine": most of the latest SCIM requests failed, and
// what fails the most, so the district can fix it before its roster drifts.
import Link from "next/link";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { describeOperation } from "@/components/scim/scim-labels";
import type { SyncWarning } from "@/lib/scim/activity";

export function SyncWarningBanner({ warning, linkToIdentitySync = false }: { warning: SyncWarning; linkToIdentitySync?: boolean }) {
  const { failed, considered, mostCommon } = warning;
  return (
    <section aria-label="Identity sync warning" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">
        Identity sync is failing: {failed} of the last {considered} requests from your identity provider failed.
      </p>
      <p className="mt-1">
        Most often: <strong>{describeOperation(mostCommon.operation, mostCommon.resourceType)}</strong> ({mostCommon.count} times), answered with “
        {mostCommon.error}”. Last failure <LocalDateTime at={warning.lastFailureAt} relative="after" />.
      </p>
      <p className="mt-1">
        Until this is fixed, people changed in your identity provider may not be changed in Rollcall.{" "}
        {linkToIdentitySync ? (
          <Link href="/district/identity-sync" className="font-medium underline">
            Open Identity sync
          </Link>
        ) : (
          "The provisioning log below shows each failed request."
        )}
      </p>
    </section>
  );
}
