// Turns two versions of an application's provisioning settings into the lines of its
// change history. Secret header values never appear; only that they changed.
import { maskUrlQuery } from "@/lib/audit/mask";

export type SettingsSnapshot = {
  autoProvisioning: boolean;
  autoApprove: boolean;
  webhookUrl: string | null;
  buttonLabel: string;
  headers: HeaderSnapshot[];
};

export type HeaderSnapshot = {
  name: string;
  secret: boolean;
  /** Plain value, or for a secret header an opaque marker that changes when the value does. */
  valueFingerprint: string;
};

export function summarizeChanges(before: SettingsSnapshot, after: SettingsSnapshot): string[] {
  const lines: string[] = [];
  if (before.autoProvisioning !== after.autoProvisioning) {
    lines.push(`Auto-provisioning turned ${onOff(after.autoProvisioning)}`);
  }
  if (before.autoApprove !== after.autoApprove) lines.push(`Auto-approve turned ${onOff(after.autoApprove)}`);
  if (before.webhookUrl !== after.webhookUrl) lines.push(describeUrlChange(before.webhookUrl, after.webhookUrl));
  if (before.buttonLabel !== after.buttonLabel) {
    lines.push(`Button label changed from “${before.buttonLabel}” to “${after.buttonLabel}”`);
  }
  lines.push(...summarizeHeaderChanges(before.headers, after.headers));
  return lines;
}

function summarizeHeaderChanges(before: HeaderSnapshot[], after: HeaderSnapshot[]): string[] {
  const lines: string[] = [];
  const previous = new Map(before.map((header) => [header.name.toLowerCase(), header]));
  const current = new Set(after.map((header) => header.name.toLowerCase()));

  for (const header of after) {
    const old = previous.get(header.name.toLowerCase());
    if (!old) {
      lines.push(`Header ${header.name} added${header.secret ? " (secret)" : ""}`);
      continue;
    }
    if (old.name !== header.name) lines.push(`Header ${old.name} renamed to ${header.name}`);
    if (old.secret !== header.secret) lines.push(`Header ${header.name} ${header.secret ? "marked" : "no longer"} secret`);
    else if (old.valueFingerprint !== header.valueFingerprint) lines.push(`Header ${header.name} value changed`);
  }
  for (const header of before) {
    if (!current.has(header.name.toLowerCase())) lines.push(`Header ${header.name} removed`);
  }
  const order = (headers: HeaderSnapshot[]) => headers.map((header) => header.name.toLowerCase()).filter((name) => current.has(name) && previous.has(name));
  if (lines.length === 0 && order(before).join("\n") !== order(after).join("\n")) lines.push("Headers reordered");
  return lines;
}

function describeUrlChange(before: string | null, after: string | null): string {
  if (!after) return "Webhook URL removed";
  return before ? `Webhook URL changed to ${maskUrlQuery(after)}` : `Webhook URL set to ${maskUrlQuery(after)}`;
}

function onOff(value: boolean): string {
  return value ? "on" : "off";
}
