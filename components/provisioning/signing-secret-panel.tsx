"use client";

// The application's webhook signing secret: hidden until asked for, and rotated with a
// grace period so a vendor can update their receiver without rejecting webhooks.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { ReceiverSnippets } from "@/components/provisioning/receiver-snippets";
import { CopyButton } from "@/components/ui/copy-button";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { revealSigningSecretAction, rotateSigningSecretAction } from "@/lib/webhooks/actions";

type SecretView = { secret: string; previousExpiresAt: Date | null };
type Step = "hidden" | "shown" | "confirming-rotation";

const CONNECTION_FAILED = "Rollcall could not be reached: the connection failed. Try again.";

export function SigningSecretPanel({ applicationId }: { applicationId: string }) {
  const inputId = useId();
  const router = useRouter();
  const [step, setStep] = useState<Step>("hidden");
  const [view, setView] = useState<SecretView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);

  const onResult = (result: ActionResult<SecretView>) => {
    if (!result.ok) return setError(result.formError);
    setError(null);
    setView(result.data);
    setStep("shown");
  };
  const reveal = useMutation({ mutationFn: revealSigningSecretAction, onSuccess: onResult, onError: () => setError(CONNECTION_FAILED) });
  const rotate = useMutation({
    mutationFn: rotateSigningSecretAction,
    onSuccess: (result) => {
      onResult(result);
      // The rotation is now in the change history beside the form.
      if (result.ok) router.refresh();
    },
    onError: () => setError(CONNECTION_FAILED),
  });

  // The button that was clicked disappears at each step: move focus to what replaced it.
  const previousStep = useRef(step);
  useEffect(() => {
    if (previousStep.current === step) return;
    previousStep.current = step;
    if (step === "confirming-rotation") confirmation.current?.focus();
    else if (step === "shown") secretInput.current?.focus();
    else actions.current?.querySelector("button")?.focus();
  }, [step]);

  const hide = () => {
    setView(null);
    setStep("hidden");
  };
  const busy = reveal.isPending || rotate.isPending;

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 className="text-lg font-semibold">Signing secret</h2>
        <p className="mt-1 text-sm text-slate-500">
          Rollcall signs every webhook with this secret (Standard Webhooks). Your receiver uses it to verify the{" "}
          <code className="text-slate-700">webhook-signature</code> header, so it can reject requests that did not come from Rollcall;
          see Rollcall&apos;s webhook documentation.
        </p>
      </div>

      {step === "hidden" ? (
        <p className="font-mono text-sm text-slate-800">
          whsec_••••••••<span className="sr-only"> (hidden)</span>
        </p>
      ) : null}

      {step === "shown" && view ? (
        <div>
          <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
            Current signing secret
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              ref={secretInput}
              id={inputId}
              readOnly
              value={view.secret}
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
              className="block min-w-60 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
            />
            <CopyButton label="Copy" text={view.secret} />
            <Button variant="secondary" onClick={hide}>
              Hide
            </Button>
          </div>
          {view.previousExpiresAt ? (
            <p className="mt-2 text-sm text-slate-600">
              The previous secret stops signing at{" "}
              <time dateTime={view.previousExpiresAt.toISOString()}>{formatTimestamp(view.previousExpiresAt)}</time>.
            </p>
          ) : null}
        </div>
      ) : null}

      {step === "confirming-rotation" ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p ref={confirmation} tabIndex={-1} className="focus:outline-none">
            Rotate the signing secret? The current secret keeps signing for 24 hours beside the new one, so you can update your
            receiver without rejecting webhooks.
          </p>
          <div className="mt-3 flex gap-2">
            <Button disabled={busy} onClick={() => rotate.mutate({ applicationId })}>
              {rotate.isPending ? "Rotating…" : "Rotate"}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setStep(view ? "shown" : "hidden")}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div ref={actions} className="flex flex-wrap gap-2">
          {step === "hidden" ? (
            <Button variant="secondary" disabled={busy} onClick={() => reveal.mutate({ applicationId })}>
              {reveal.isPending ? "Revealing…" : "Reveal"}
            </Button>
          ) : null}
          <Button variant="secondary" disabled={busy} onClick={() => setStep("confirming-rotation")}>
            Rotate secret…
          </Button>
        </div>
      )}

      {error ? <Alert tone="error">{error}</Alert> : null}

      <ReceiverSnippets />
    </section>
  );
}
