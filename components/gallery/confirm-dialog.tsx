"use client";

// A small modal dialog that asks before a change that reaches a vendor. Native <dialog>:
// showModal() keeps focus inside and makes the page behind it inert, Escape cancels, and
// closing returns focus to the button that opened it.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the request runs ("Activating…"). */
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  /** Start on Cancel rather than on the confirm button, for changes that take something away. */
  focusCancel?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ open, title, children, confirmLabel, pendingLabel, pending, error, focusCancel, onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>("[data-initial-focus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, focusCancel]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape while the request runs would hide its outcome: wait for it.
      onCancel={(event) => (pending ? event.preventDefault() : undefined)}
      onClose={() => open && onCancel()}
      className="m-auto w-[calc(100vw-2rem)] max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-3 px-5 pt-5 pb-4">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={`${id}-body`} className="space-y-2 text-sm text-slate-700">
          {children}
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      <footer className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">
        <Button variant="secondary" disabled={pending} onClick={onCancel} data-initial-focus={focusCancel ? "" : undefined}>
          Cancel
        </Button>
        <Button disabled={pending} onClick={onConfirm} data-initial-focus={focusCancel ? undefined : ""}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </footer>
    </dialog>
  );
}
