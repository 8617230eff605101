"use client";

// The end of one of the tab's forms: the outcome of its last save (with Reload when someone
// else saved meanwhile) and its own named Save button.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type SectionOutcome = { tone: "success" | "error" | "info"; message: string; offerReload?: boolean };

export const CONNECTION_FAILED = "Your changes could not be sent: the connection failed. Nothing was saved; try again.";

type SectionSaveProps = { label: string; outcome: SectionOutcome | null; saving: boolean; dirty: boolean };

export function SectionSave({ label, outcome, saving, dirty }: SectionSaveProps) {
  return (
    <div className="space-y-3">
      {outcome ? (
        <Alert tone={outcome.tone}>
          {outcome.message}
          {outcome.offerReload ? (
            <Button variant="secondary" className="ml-3" onClick={() => window.location.reload()}>
              Reload
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : label}
        </Button>
        {dirty && !saving ? <span className="text-sm text-slate-500">Unsaved changes</span> : null}
      </div>
    </div>
  );
}
