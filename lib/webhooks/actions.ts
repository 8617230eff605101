"use server";

import { z } from "zod";
import { vendorAction } from "@/lib/actions/authorised-action";
import { requireVendorApplication } from "@/lib/applications/queries";
import { getConfig } from "@/lib/config";
import { provisioningSettingsSchema } from "@/lib/provisioning/schema";
import { DELIVERY_MODES } from "@/lib/webhooks/deliveries";
import { redeliver, redeliverFailed } from "@/lib/webhooks/redelivery";
import { revealSigningSecret, rotateSigningSecret } from "@/lib/webhooks/signing-secrets";
import { previewTestWebhook, sendTestWebhook } from "@/lib/webhooks/test-webhook";

const formSchema = () => provisioningSettingsSchema({ httpWebhookHosts: getConfig().httpWebhookHosts });
const applicationSchema = () => z.object({ applicationId: z.string().uuid() });
const messageSchema = () => z.object({ applicationId: z.string().uuid(), messageId: z.string().regex(/^msg_[A-Za-z0-9_-]{1,64}$/) });

/** The request Submit Test would send, from the form's current (possibly unsaved) values. */
export const previewTestWebhookAction = vendorAction(formSchema, (admin, settings) => previewTestWebhook(admin.vendorId, settings));

export const sendTestWebhookAction = vendorAction(formSchema, (admin, settings) => sendTestWebhook(admin.vendorId, settings));

/** The same test signed with a throwaway secret: a receiver that verifies signatures must refuse it. */
export const sendWrongSignatureTestAction = vendorAction(formSchema, (admin, settings) =>
  sendTestWebhook(admin.vendorId, settings, { signature: "wrong" }),
);

export const redeliverAction = vendorAction(messageSchema, async (admin, { applicationId, messageId }) => {
  await redeliver(admin.vendorId, applicationId, messageId);
  return { queued: true };
});

export const redeliverFailedAction = vendorAction(
  () => z.object({ applicationId: z.string().uuid(), mode: z.enum(DELIVERY_MODES).optional(), district: z.guid().toLowerCase().optional() }),
  (admin, { applicationId, mode, district }) => redeliverFailed(admin.vendorId, applicationId, { mode, district }),
);

export const revealSigningSecretAction = vendorAction(applicationSchema, async (admin, { applicationId }) => {
  await requireVendorApplication(admin.vendorId, applicationId);
  return revealSigningSecret(applicationId);
});

export const rotateSigningSecretAction = vendorAction(applicationSchema, async (admin, { applicationId }) => {
  await requireVendorApplication(admin.vendorId, applicationId);
  return rotateSigningSecret(applicationId, admin.id);
});
