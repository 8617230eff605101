"use client";

// The life of one confirmed change (activate, deactivate): opening the dialog makes a new
// idempotency key, a retry after a failed connection sends the same key again, and a
// second click while the first request runs sends nothing.
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { newIdempotencyKey } from "@/components/gallery/idempotency-key";
import type { ActionResult } from "@/lib/actions/result";

export const CONNECTION_FAILED =
  "The connection to Rollcall failed, so this may not have gone through. Try again: it will not be done twice.";

export function useConfirmedAction<T>(run: (idempotencyKey: string) => Promise<ActionResult<T>>, onDone: (data: T) => void) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const mutation = useMutation({ mutationFn: run });

  const start = () => {
    key.current = newIdempotencyKey();
    setError(null);
    setOpen(true);
  };

  const confirm = () => {
    if (inFlight.current || !key.current) return;
    inFlight.current = true;
    setError(null);
    mutation.mutate(key.current, {
      onSuccess: (result) => {
        if (!result.ok) return setError(result.formError);
        setOpen(false);
        onDone(result.data);
      },
      onError: () => setError(CONNECTION_FAILED),
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const cancel = () => {
    if (!inFlight.current) setOpen(false);
  };

  return {
    start,
    pending: mutation.isPending,
    /** Spread onto ConfirmDialog. */
    dialog: { open, pending: mutation.isPending, error, onConfirm: confirm, onCancel: cancel },
  };
}
