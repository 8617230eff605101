"use client";

// Test Webhook: shows the request Rollcall would send for the form as it is now (saved or
// not) and sends it once to the vendor's endpoint, so they can debug before going live.
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import { ActionFailureMessage } from "@/components/provisioning/action-failure-message";
import { CopyButton } from "@/components/ui/copy-button";
import { curlCommandFor } from "@/components/provisioning/curl-command";
import { SampleRequestView } from "@/components/provisioning/sample-request-view";
import { TestWebhookResultView, type TestOutcome } from "@/components/provisioning/test-webhook-result-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";
import type { ProvisioningSettingsInput } from "@/lib/provisioning/schema";
import { previewTestWebhookAction, sendTestWebhookAction, sendWrongSignatureTestAction } from "@/lib/webhooks/actions";
import type { SampleRequest, TestSignature } from "@/lib/webhooks/test-webhook";

const NO_URL_MESSAGE = "Enter a webhook URL to send a test.";

/** The Test Webhook button and its modal dialog; must sit inside the Provisioning form's FormProvider. */
export function TestWebhookDialog() {
  const { getValues } = useFormContext<ProvisioningSettingsInput>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The values the dialog was opened with: the sample shown is exactly what Submit Test sends.
  const [testedValues, setTestedValues] = useState<ProvisioningSettingsInput | null>(null);

  const preview = useMutation({ mutationFn: previewTestWebhookAction });
  // One mutation for both buttons, so the result shown is always the latest test's.
  const send = useMutation({
    mutationFn: ({ values, signature }: { values: ProvisioningSettingsInput; signature: TestSignature }) =>
      signature === "valid" ? sendTestWebhookAction(values) : sendWrongSignatureTestAction(values),
  });
  const sendTest = (signature: TestSignature) => testedValues && send.mutate({ values: testedValues, signature });
  const sending = send.isPending ? send.variables.signature : null;

  const open = () => {
    const values = getValues();
    setTestedValues(values);
    send.reset();
    preview.mutate(values);
    dialogRef.current?.showModal();
    // The sample is long: start reading at the title rather than on a button below it.
    headingRef.current?.focus();
  };

  const onClosed = () => {
    setTestedValues(null);
    preview.reset();
    send.reset();
  };

  const sampleState = sampleStateOf(preview);
  const sample = sampleState.kind === "ready" ? sampleState.sample : null;
  const outcome: TestOutcome | null = send.isError
    ? { kind: "unreachable" }
    : send.data
      ? send.data.ok
        ? { kind: "result", result: send.data.data }
        : { kind: "failure", failure: send.data }
      : null;

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={open}>
          Test Webhook
        </Button>
        <p className="text-xs text-slate-500">Sends a test to the URL and headers in this form, saved or not.</p>
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby="test-webhook-heading"
        onClose={onClosed}
        className="m-auto w-[calc(100vw-2rem)] max-w-3xl rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
          <header className="border-b border-slate-200 px-5 py-4">
            <h2 id="test-webhook-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Test Webhook
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">
              A <code>test</code> message for the Rollcall Sandbox District, signed like a real delivery and never retried.
            </p>
          </header>
          <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4">
            {testedValues ? <SampleSection state={sampleState} /> : null}
            <TestWebhookResultView outcome={outcome} />
          </div>
          <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
            <CopyButton label="Copy as cURL" text={sample ? curlCommandFor(sample) : ""} disabled={!sample} />
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Close
            </Button>
            <Button variant="secondary" disabled={!sample || send.isPending} onClick={() => sendTest("wrong")}>
              {sending === "wrong" ? "Sending…" : "Send with wrong signature"}
            </Button>
            <Button disabled={!sample || send.isPending} onClick={() => sendTest("valid")}>
              {sending === "valid" ? "Sending…" : "Submit Test"}
            </Button>
          </footer>
        </div>
      </dialog>
    </div>
  );
}

type SampleState =
  | { kind: "loading" }
  | { kind: "unreachable" }
  | { kind: "failure"; failure: ActionFailure }
  | { kind: "no_url" }
  | { kind: "ready"; sample: SampleRequest };

function sampleStateOf(preview: { isError: boolean; data: ActionResult<SampleRequest> | undefined }): SampleState {
  if (preview.isError) return { kind: "unreachable" };
  if (!preview.data) return { kind: "loading" };
  if (!preview.data.ok) return { kind: "failure", failure: preview.data };
  return preview.data.data.url === "" ? { kind: "no_url" } : { kind: "ready", sample: preview.data.data };
}

function SampleSection({ state }: { state: SampleState }) {
  switch (state.kind) {
    case "loading":
      return <p className="text-sm text-slate-500">Preparing the sample request…</p>;
    case "unreachable":
      return <Alert tone="error">The sample request could not be prepared: the connection to Rollcall failed. Close this and try again.</Alert>;
    case "failure":
      return (
        <Alert tone="error">
          <ActionFailureMessage failure={state.failure} />
        </Alert>
      );
    case "no_url":
      return <Alert tone="error">{NO_URL_MESSAGE}</Alert>;
    case "ready":
      return (
        <>
          <SampleRequestView sample={state.sample} />
          <p className="text-xs text-slate-500">
            Send with wrong signature sends the same request signed with a throwaway secret: a receiver that verifies signatures
            refuses it with a 4xx such as 401. Copy as cURL copies this request as shown: secret header values stay masked (••••••••), so replace them before running
            it, and the signature is valid only for this sample&apos;s timestamp.
          </p>
        </>
      );
  }
}
