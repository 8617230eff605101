// What a district admin is told after activating or deactivating: what happened and whether
// the vendor's systems heard about it.
import type { ActivateOutcome, DeactivateOutcome } from "@/lib/activations/activate";

type Names = { applicationName: string; vendorName: string };

function notified({ vendorName }: Names, webhookSent: boolean): string {
  return webhookSent
    ? `${vendorName} has been notified.`
    : `${vendorName} was not notified automatically: contact them to set it up for your district.`;
}

export function trialMessage({ outcome, webhookSent }: ActivateOutcome, names: Names): string {
  if (outcome === "already_active") return `${names.applicationName} is already active for your district. Nothing changed.`;
  return `Trial started. ${notified(names, webhookSent)}`;
}

export function activationMessage({ outcome, webhookSent }: ActivateOutcome, names: Names): string {
  switch (outcome) {
    case "already_active":
      return `${names.applicationName} is already active for your district. Nothing changed.`;
    case "upgraded":
      return `${names.applicationName} is now fully active, no longer a trial. ${notified(names, webhookSent)}`;
    case "activated":
      return `${names.applicationName} is active. ${notified(names, webhookSent)}`;
  }
}

export function deactivationMessage({ outcome, webhookSent }: DeactivateOutcome, names: Names): string {
  if (outcome === "already_inactive") return `${names.applicationName} was already deactivated. Nothing changed.`;
  return webhookSent
    ? `${names.applicationName} is deactivated. ${names.vendorName} has been notified.`
    : `${names.applicationName} is deactivated. ${names.vendorName} was not notified automatically: let them know that your district stopped using it.`;
}
