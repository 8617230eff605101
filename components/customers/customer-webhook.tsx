// What the vendor's webhook heard about one district's activation, in words: the latest
// delivery with its status and a link to it, or why there is none.
import Link from "next/link";
import { StatusBadge } from "@/components/deliveries/delivery-badges";
import { LocalDateTime } from "@/components/deliveries/local-time";
import type { Customer } from "@/lib/customers/queries";

export const VENDOR_REQUEST_NOTE = "Activated at your request — without auto-provisioning, so no webhook was sent.";

export function CustomerWebhook({ applicationId, customer }: { applicationId: string; customer: Customer }) {
  if (customer.origin === "vendor_request") {
    return <p className="text-sm text-slate-700">{VENDOR_REQUEST_NOTE}</p>;
  }
  const webhook = customer.latestWebhook;
  if (!webhook) {
    return (
      <p className="text-sm text-slate-600">
        {customer.autoProvisioned
          ? "No webhook delivery on record: the deliveries log no longer holds it."
          : "No webhook was sent: auto-provisioning was off when the district activated."}
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
      <span>Webhook</span>
      <code className="font-mono text-xs text-slate-800">{webhook.eventType}</code>
      <StatusBadge status={webhook.status} />
      <span className="text-slate-500">
        <LocalDateTime at={webhook.sentAt} />
      </span>
      <Link href={`/apps/${applicationId}/deliveries/${encodeURIComponent(webhook.messageId)}`} className="font-medium text-brand-700 hover:underline">
        View delivery<span className="sr-only"> of {webhook.eventType} to {customer.districtName}</span>
      </Link>
    </p>
  );
}
