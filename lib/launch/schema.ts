// The forms of the launch portal, one schema each for the browser and the server action:
// the vendor's launch URL (Sign-in tab) and the roles a district hides an application from.
import { z } from "zod";
import { ROSTER_ROLES } from "@/lib/imports/people/account-types-schema";
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from "@/lib/provisioning/webhook-url-rules";

/**
 * A launch URL follows the webhook URL's rule (https, or http for the operator's listed
 * hosts), worded for a page people's browsers are sent to.
 */
export function launchUrlProblem(value: string, httpHosts: readonly string[]): string | null {
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return `Launch URL can be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, like https://app.example.com/rollcall/launch";
  }
  if (url.username || url.password) return "Remove the user name and password from the URL";
  return webhookUrlProblem(value, httpHosts);
}

export function launchSettingsSchema({ httpWebhookHosts }: { httpWebhookHosts: readonly string[] }) {
  return z
    .object({
      applicationId: z.string().uuid(),
      /** Empty: the application is not ready to open from My apps. */
      launchUrl: z.string().trim().max(10_000),
    })
    .superRefine((settings, context) => {
      const problem = settings.launchUrl ? launchUrlProblem(settings.launchUrl, httpWebhookHosts) : null;
      if (problem) context.addIssue({ code: "custom", path: ["launchUrl"], message: problem });
    });
}

export type LaunchSettingsInput = z.input<ReturnType<typeof launchSettingsSchema>>;
export type LaunchSettings = z.output<ReturnType<typeof launchSettingsSchema>>;

export const activationVisibilitySchema = z.object({
  applicationId: z.string().uuid(),
  hiddenFromRoles: z
    .array(z.enum(ROSTER_ROLES, "Choose roles from the list."))
    .max(ROSTER_ROLES.length)
    .transform((roles) => ROSTER_ROLES.filter((role) => roles.includes(role))),
});

export type ActivationVisibilityInput = z.input<typeof activationVisibilitySchema>;
