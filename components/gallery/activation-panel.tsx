"use client";

// The application page's "your district" panel: this district's activation of the
// application, and the vendor's activate button while there is something to activate
// (never activated, deactivated, or a trial to turn into a standard activation).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { activationMessage } from "@/components/gallery/activation-messages";
import { ActivationStatus } from "@/components/gallery/activation-status";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { ResultMessage, outcome, type Outcome } from "@/components/gallery/result-message";
import { useConfirmedAction } from "@/components/gallery/use-confirmed-action";
import { Button } from "@/components/ui/button";
import { activateApplicationAction } from "@/lib/activations/actions";
import type { GalleryApplication } from "@/lib/gallery/queries";

export function ActivationPanel({ application }: { application: GalleryApplication }) {
  const id = useId();
  const router = useRouter();
  const [result, setResult] = useState<Outcome | null>(null);
  const activate = useConfirmedAction(
    (idempotencyKey) => activateApplicationAction({ applicationId: application.id, mode: "standard", idempotencyKey }),
    (data) => {
      setResult(outcome("success", activationMessage(data, { applicationName: application.name, vendorName: application.vendorName })));
      router.refresh();
    },
  );

  const { activation, name, vendorName, buttonLabel } = application;
  const active = activation?.status === "active";
  const trial = active && activation.mode === "trial";

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Your district
      </h2>
      {activation ? (
        <div className="space-y-2">
          <ActivationStatus activation={activation} deactivatedAt={activation.deactivatedAt} />
          {active && activation.origin === "vendor_request" ? (
            <p className="text-sm text-slate-600">Activated at {vendorName}&apos;s request, without auto-provisioning.</p>
          ) : null}
          {trial ? <p className="text-sm text-slate-600">Your district is trying {name}. Activate it to keep using it after the trial.</p> : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">Your district has not activated {name}.</p>
      )}
      {active ? (
        <p className="text-sm">
          <Link href="/district/applications" className="font-medium text-brand-600 underline">
            Manage it in My applications
          </Link>
          <span className="text-slate-600">: deactivate it, or revoke one school&apos;s access.</span>
        </p>
      ) : null}
      {active && !trial ? null : (
        <div>
          <Button onClick={activate.start} disabled={activate.pending}>
            {buttonLabel}
          </Button>
        </div>
      )}
      <ConfirmDialog
        {...activate.dialog}
        title={trial ? `Turn your trial of ${name} into a standard activation?` : `Activate ${name}?`}
        confirmLabel={buttonLabel}
        pendingLabel="Activating…"
      >
        <p>
          {name} is made by {vendorName}.{" "}
          {application.notifiesVendor
            ? `Activating notifies ${vendorName} at once, and they can then read your district's roster data to set it up for you.`
            : `${vendorName} does not set districts up automatically: after activating, contact them to get started.`}
        </p>
        <p>You can deactivate it at any time in My applications.</p>
      </ConfirmDialog>
      <ResultMessage outcome={result} />
    </section>
  );
}
