"use client";

// Under the Webhook URL field: where the URL's host leads, vetted on the server exactly as a
// delivery would be, for the URL the admin just left or saved. Nothing is sent to the URL.
import { useQuery } from "@tanstack/react-query";
import { useFormState, useWatch } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import { checkWebhookUrlAction } from "@/lib/provisioning/actions";
import type { ProvisioningSettingsInput } from "@/lib/provisioning/schema";
import type { WebhookUrlCheck } from "@/lib/provisioning/webhook-url-check";
import { webhookUrlProblem } from "@/lib/provisioning/webhook-url-rules";

export const webhookUrlCheckKeys = {
  all: ["webhook-url-check"] as const,
  of: (applicationId: string, url: string) => [...webhookUrlCheckKeys.all, applicationId, url] as const,
};

const TONES: Record<WebhookUrlCheck["tone"], { symbol: string; label: string; className: string }> = {
  ok: { symbol: "✓", label: "Looks right:", className: "text-emerald-700" },
  warning: { symbol: "⚠", label: "Warning:", className: "text-amber-800" },
  info: { symbol: "ℹ", label: "Note:", className: "text-slate-600" },
};

type WebhookUrlCheckViewProps = {
  applicationId: string;
  /** The URL to check (left or saved), trimmed; "" for none yet. */
  url: string;
  httpWebhookHosts: readonly string[];
};

/** Must sit inside the Provisioning form's FormProvider: it hides while the field shows an error or has changed. */
export function WebhookUrlCheckView({ applicationId, url, httpWebhookHosts }: WebhookUrlCheckViewProps) {
  const current = useWatch<ProvisioningSettingsInput, "webhookUrl">({ name: "webhookUrl" });
  const { errors } = useFormState<ProvisioningSettingsInput>({ name: "webhookUrl" });
  const checkable = url !== "" && url === current.trim() && !errors.webhookUrl && webhookUrlProblem(url, httpWebhookHosts) === null;

  const check = useQuery({
    queryKey: webhookUrlCheckKeys.of(applicationId, url),
    queryFn: () => checkWebhookUrlAction({ applicationId, url }),
    enabled: checkable,
    retry: false,
    refetchOnWindowFocus: false,
  });

  // Always rendered, one line high, so the live region is in place before it speaks and the
  // buttons below do not jump while a click that caused the blur is still on its way.
  return (
    <div aria-live="polite" className="mt-1 min-h-5 text-sm">
      {checkable ? <CheckLine url={url} pending={check.isPending} unreachable={check.isError} result={check.data} /> : null}
    </div>
  );
}

type CheckLineProps = { url: string; pending: boolean; unreachable: boolean; result: ActionResult<WebhookUrlCheck> | undefined };

function CheckLine({ url, pending, unreachable, result }: CheckLineProps) {
  if (pending) return <p className="text-slate-500">Checking {new URL(url).host}…</p>;
  if (unreachable || !result) return <p className="text-slate-600">The URL could not be checked: Rollcall could not be reached.</p>;
  if (!result.ok) return <p className="text-slate-600">The URL could not be checked: {result.fieldErrors?.url ?? result.formError}</p>;
  const tone = TONES[result.data.tone];
  return (
    <p className={`flex gap-1.5 ${tone.className}`}>
      <span aria-hidden>{tone.symbol}</span>
      <span>
        <span className="sr-only">{tone.label} </span>
        {result.data.message}
      </span>
    </p>
  );
}
