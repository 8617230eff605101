"use server";

// The File delivery tab's server actions: each authorises the vendor admin, parses with its
// form's schema, and scopes every read and write to the admin's own applications.
import { z } from "zod";
import { vendorAction } from "@/lib/actions/authorised-action";
import { UserFacingError } from "@/lib/actions/result";
import { requireVendorApplication } from "@/lib/applications/queries";
import { previewCustomFormat } from "@/lib/deliveries/export";
import { openDeliveryPrivateKey } from "@/lib/deliveries/key-pair";
import { listDeliveryRuns } from "@/lib/deliveries/log";
import { addOutboxKey, listOutboxKeys, removeOutboxKey } from "@/lib/deliveries/outbox-account";
import { queueDeliveries } from "@/lib/deliveries/runs";
import {
  applicationOnlySchema,
  deliveryDestinationSchema,
  deliveryEnabledSchema,
  deliveryFormatSchema,
  deliveryLogQuerySchema,
  deliveryScheduleSchema,
  previewFormatSchema,
  RUN_PAGE_SIZE,
  testConnectionSchema,
  trustHostKeySchema,
} from "@/lib/deliveries/settings-schema";
import {
  countActiveDistricts,
  ensureDeliveryKeyPair,
  loadFileDeliverySettings,
  loadSftpCredentials,
  recordPresentedHostKey,
  saveDeliveryDestination,
  saveDeliveryEnabled,
  saveDeliveryFormat,
  saveDeliverySchedule,
  trustHostKey,
} from "@/lib/deliveries/settings";
import { checkSftpTarget } from "@/lib/deliveries/sftp-client";
import type { DeliveryErrorKind } from "@/lib/deliveries/types";
import { addSftpKeySchema } from "@/lib/sftp/schema";

const PREVIEW_ROWS = 20;

export const saveDeliveryEnabledAction = vendorAction(
  () => deliveryEnabledSchema,
  (admin, input) => saveDeliveryEnabled(admin, input),
);

export const saveDeliveryFormatAction = vendorAction(
  () => deliveryFormatSchema,
  (admin, input) => saveDeliveryFormat(admin, input),
);

export const saveDeliveryDestinationAction = vendorAction(
  () => deliveryDestinationSchema,
  (admin, input) => saveDeliveryDestination(admin, input),
);

export const saveDeliveryScheduleAction = vendorAction(
  () => deliveryScheduleSchema,
  (admin, input) => saveDeliverySchedule(admin, input),
);

/** The first rows of the format as it is in the editor, from the sandbox district's roster. */
export const previewCustomFormatAction = vendorAction(
  () => previewFormatSchema,
  async (admin, { applicationId, custom }) => {
    await requireVendorApplication(admin.vendorId, applicationId);
    return previewCustomFormat(custom, PREVIEW_ROWS);
  },
);

/** Makes the application's key pair for the vendor's SFTP server, or answers with the one it has. */
export const prepareSftpKeyAction = vendorAction(
  () => applicationOnlySchema,
  (admin, { applicationId }) => ensureDeliveryKeyPair(admin, applicationId),
);

/** Replaces the key pair: the vendor must install the new public key before the next delivery. */
export const regenerateSftpKeyAction = vendorAction(
  () => applicationOnlySchema,
  (admin, { applicationId }) => ensureDeliveryKeyPair(admin, applicationId, { regenerate: true }),
);

export type HostKeyStatus = "pinned" | "unconfirmed" | "changed";

export type ConnectionTestResult = {
  connected: boolean;
  message: string;
  errorKind: DeliveryErrorKind | null;
  /** The host key the server presented, and how it compares with the pinned one. */
  hostKey: string | null;
  hostKeyStatus: HostKeyStatus | null;
  pinnedHostKey: string | null;
};

/** Signs in to the vendor's server with the form's values as they are (before saving) and the stored key. */
export const testSftpConnectionAction = vendorAction(
  () => testConnectionSchema,
  async (admin, input): Promise<ConnectionTestResult> => {
    if (input.destination !== "vendor_sftp") throw new UserFacingError("Test connection is for your own SFTP server.");
    const { sealedPrivateKey, pinnedHostKey } = await loadSftpCredentials(admin.vendorId, input.applicationId);
    const result = await checkSftpTarget({
      host: input.sftpHost,
      port: input.sftpPort,
      username: input.sftpUsername,
      folder: input.sftpFolder,
      privateKey: openDeliveryPrivateKey(sealedPrivateKey),
      pinnedHostKey,
    });
    const hostKeyStatus: HostKeyStatus | null = !result.hostKey ? null : result.hostKey === pinnedHostKey ? "pinned" : pinnedHostKey ? "changed" : "unconfirmed";
    if (result.hostKey && hostKeyStatus !== "pinned") await recordPresentedHostKey(input.applicationId, result.hostKey);
    return {
      connected: result.ok,
      message: result.ok ? connectedMessage(hostKeyStatus) : result.failure.message,
      errorKind: result.ok ? null : result.failure.kind,
      hostKey: result.hostKey,
      hostKeyStatus,
      pinnedHostKey,
    };
  },
);

function connectedMessage(status: HostKeyStatus | null): string {
  if (status === "pinned") return "Connected: Rollcall signed in with its key and can write to the folder.";
  return "Connected. Check the server's host key below before trusting it.";
}

export const trustHostKeyAction = vendorAction(
  () => trustHostKeySchema,
  (admin, { applicationId, fingerprint }) => trustHostKey(admin.vendorId, applicationId, fingerprint),
);

export const addOutboxKeyAction = vendorAction(
  () => addSftpKeySchema.extend({ applicationId: applicationOnlySchema.shape.applicationId }),
  async (admin, { applicationId, name, publicKey }) => {
    await requireVendorApplication(admin.vendorId, applicationId);
    const added = await addOutboxKey(applicationId, { name, publicKey }, admin.id);
    if (!added.ok) throw new UserFacingError(added.message, { fieldErrors: { publicKey: added.message } });
    return added.key;
  },
);

export const removeOutboxKeyAction = vendorAction(
  () => applicationOnlySchema.extend({ keyId: z.string().uuid() }),
  async (admin, { applicationId, keyId }) => {
    await requireVendorApplication(admin.vendorId, applicationId);
    if (!(await removeOutboxKey(applicationId, keyId))) throw new UserFacingError("This key was not found. It may have been removed already.");
    return listOutboxKeys(applicationId);
  },
);

/** Queues a delivery for every district with an active activation, now. */
export const deliverNowAction = vendorAction(
  () => applicationOnlySchema,
  async (admin, { applicationId }) => {
    const settings = await loadFileDeliverySettings(admin.vendorId, applicationId);
    if (!settings) throw new UserFacingError("This application was not found. It may have been deleted.");
    if (!settings.enabled) throw new UserFacingError("Delivery is off. Set up the format and destination, turn delivery on, then use Deliver now.");
    if ((await countActiveDistricts(applicationId)) === 0) {
      throw new UserFacingError("No district has activated this application yet, so there is nothing to deliver.");
    }
    const runIds = await queueDeliveries(applicationId, "manual");
    return { queued: runIds.length };
  },
);

export const listDeliveryRunsAction = vendorAction(
  () => deliveryLogQuerySchema,
  async (admin, { applicationId, districtId, status, page }) => {
    await requireVendorApplication(admin.vendorId, applicationId);
    const result = await listDeliveryRuns(applicationId, { districtId, status, page, pageSize: RUN_PAGE_SIZE });
    return { ...result, page };
  },
);
