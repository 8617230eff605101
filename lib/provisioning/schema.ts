// The Provisioning tab's form: one schema for the browser (react-hook-form) and for the
// server action, which parses again and is authoritative.
import { z } from "zod";
import {
  duplicateHeaderIndexes,
  headerNameProblem,
  headerValueProblem,
  MAX_HEADERS,
} from "@/lib/provisioning/header-rules";
import { webhookUrlProblem } from "@/lib/provisioning/webhook-url-rules";

export const DEFAULT_BUTTON_LABEL = "Activate";
export const MAX_BUTTON_LABEL_LENGTH = 30;
/** Shown on the switch, and the server's answer to turning it on, until an operator enables the capability. */
export const CAPABILITY_MISSING_MESSAGE = "Ask your Rollcall operator to enable auto-provisioning";

export type ProvisioningSchemaOptions = {
  /** Hosts whose webhook URLs may use plain http:// (operator configuration). */
  httpWebhookHosts: readonly string[];
};

const headerSchema = z.object({
  /** Set for a header that is already saved; lets a secret keep its stored value. */
  storedId: z.string().uuid().nullable(),
  name: z.string().trim().max(1000),
  value: z.string().max(10_000),
  secret: z.boolean(),
  /** Display hint for the form: a secret value is stored and not shown. */
  hasStoredSecret: z.boolean(),
});

export function provisioningSettingsSchema({ httpWebhookHosts }: ProvisioningSchemaOptions) {
  return z
    .object({
      applicationId: z.string().uuid(),
      version: z.number().int().min(0),
      autoProvisioning: z.boolean(),
      autoApprove: z.boolean(),
      webhookUrl: z.string().trim().max(10_000),
      headers: z.array(headerSchema).max(MAX_HEADERS, `You can add at most ${MAX_HEADERS} headers`),
      buttonLabel: z
        .string()
        .trim()
        .min(1, "Enter the label of the button districts will click")
        .max(MAX_BUTTON_LABEL_LENGTH, `Button label can be at most ${MAX_BUTTON_LABEL_LENGTH} characters`)
        .refine((label) => !/[<>]/.test(label), "Button label can't contain < or >")
        .refine((label) => !/\p{Cc}/u.test(label), "Button label can't contain control characters"),
    })
    .superRefine((settings, context) => {
      const urlProblem = settings.webhookUrl
        ? webhookUrlProblem(settings.webhookUrl, httpWebhookHosts)
        : settings.autoProvisioning
          ? "Enter a webhook URL to turn on auto-provisioning"
          : null;
      if (urlProblem) context.addIssue({ code: "custom", path: ["webhookUrl"], message: urlProblem });

      settings.headers.forEach((header, index) => {
        const nameProblem = headerNameProblem(header.name);
        if (nameProblem) context.addIssue({ code: "custom", path: ["headers", index, "name"], message: nameProblem });
        const keepsStoredSecret = header.secret && header.hasStoredSecret && header.value === "";
        const valueProblem =
          header.value === "" && !keepsStoredSecret ? "Enter a header value" : headerValueProblem(header.value);
        if (valueProblem) context.addIssue({ code: "custom", path: ["headers", index, "value"], message: valueProblem });
      });
      for (const index of duplicateHeaderIndexes(settings.headers.map((header) => header.name))) {
        context.addIssue({
          code: "custom",
          path: ["headers", index, "name"],
          message: "This header is already in the list (names are case-insensitive)",
        });
      }
    });
}

export type ProvisioningSettingsInput = z.input<ReturnType<typeof provisioningSettingsSchema>>;
export type ProvisioningSettings = z.output<ReturnType<typeof provisioningSettingsSchema>>;
export type HeaderInput = ProvisioningSettings["headers"][number];
