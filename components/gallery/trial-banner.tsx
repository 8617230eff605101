"use client";

// A live promotion banner in a district's gallery. Its call-to-action is the only way a
// district starts a trial: confirmed first, then the vendor is notified. While the district
// has the application active, the banner shows that instead of offering a trial.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trialMessage } from "@/components/gallery/activation-messages";
import { ActivationStatus } from "@/components/gallery/activation-status";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { PromoBanner } from "@/components/gallery/promo-banner";
import { ResultMessage, outcome, type Outcome } from "@/components/gallery/result-message";
import type { GalleryActivation, GalleryBanner } from "@/components/gallery/types";
import { useConfirmedAction } from "@/components/gallery/use-confirmed-action";
import { activateApplicationAction } from "@/lib/activations/actions";

export function TrialBanner({ banner, activation }: { banner: GalleryBanner; activation: GalleryActivation | null }) {
  const router = useRouter();
  const [result, setResult] = useState<Outcome | null>(null);
  const trial = useConfirmedAction(
    (idempotencyKey) => activateApplicationAction({ applicationId: banner.applicationId, mode: "trial", idempotencyKey }),
    (data) => {
      setResult(outcome("success", trialMessage(data, banner)));
      // The banner and its card now show "Trial since …".
      router.refresh();
    },
  );

  return (
    <div className="space-y-2">
      <PromoBanner
        banner={banner}
        applicationName={banner.applicationName}
        vendorName={banner.vendorName}
        renderCallToAction={({ className, style, label }) =>
          activation?.status === "active" ? (
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <ActivationStatus activation={activation} />
              <Link href={`/district/gallery/${banner.applicationId}`} className="font-medium underline">
                View {banner.applicationName}
              </Link>
            </p>
          ) : (
            <button type="button" className={className} style={style} disabled={trial.pending} onClick={trial.start}>
              {label}
            </button>
          )
        }
      />
      <ConfirmDialog
        {...trial.dialog}
        title={`Start a trial of ${banner.applicationName}?`}
        confirmLabel="Start trial"
        pendingLabel="Starting trial…"
      >
        <p>
          {banner.applicationName} is made by {banner.vendorName}. Starting a trial notifies {banner.vendorName} at once, and they can
          then read your district&apos;s roster data to set it up for you.
        </p>
        <p>You can deactivate it at any time in My applications.</p>
      </ConfirmDialog>
      <ResultMessage outcome={result} />
    </div>
  );
}
