// A district's activation of an application in words ("Active since Nov 26, 2026"), with
// a mark and a colour that only repeat what the words say.
import { LocalDate } from "@/components/gallery/local-date";
import type { GalleryActivation } from "@/components/gallery/types";

const TONES = {
  active: "border-emerald-300 bg-emerald-50 text-emerald-800",
  trial: "border-sky-300 bg-sky-50 text-sky-800",
  deactivated: "border-slate-300 bg-slate-50 text-slate-700",
};

const MARKS = { active: "✓", trial: "◔", deactivated: "○" };

type ActivationStatusProps = {
  activation: GalleryActivation;
  /** ISO 8601: shown as "Deactivated on …" when known. */
  deactivatedAt?: string | null;
};

export function ActivationStatus({ activation, deactivatedAt }: ActivationStatusProps) {
  const state = activation.status === "deactivated" ? "deactivated" : activation.mode === "trial" ? "trial" : "active";
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium ${TONES[state]}`}>
      <span aria-hidden>{MARKS[state]}</span>
      {state === "deactivated" ? (
        deactivatedAt ? (
          <span>
            Deactivated on <LocalDate at={deactivatedAt} />
          </span>
        ) : (
          <span>Deactivated</span>
        )
      ) : (
        <span>
          {state === "trial" ? "Trial since" : "Active since"} <LocalDate at={activation.activatedAt} />
        </span>
      )}
    </span>
  );
}
