"use client";

// The end of a settings form: the outcome of the last save (with Reload when someone else
// saved meanwhile), the Save button, and whether there are unsaved changes.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type SaveOutcome = { tone: "success" | "error"; message: string; offerReload?: boolean };

type SaveFooterProps = {
  outcome: SaveOutcome | null;
  saving: boolean;
  dirty: boolean;
  /** Lets the page go without the unsaved-changes warning, before Reload reloads it. */
  allowLeaving: () => void;
};

export function SaveFooter({ outcome, saving, dirty, allowLeaving }: SaveFooterProps) {
  return (
    <>
      {outcome ? (
        <Alert tone={outcome.tone}>
          {outcome.message}
          {outcome.offerReload ? (
            <Button
              variant="secondary"
              className="ml-3"
              onClick={() => {
                allowLeaving();
                window.location.reload();
              }}
            >
              Reload
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
        {dirty && !saving ? <span className="text-sm text-slate-500">Unsaved changes</span> : null}
      </div>
    </>
  );
}
