// Reads and writes an application's provisioning settings, always scoped to the vendor
// that owns the application: another vendor's application id is simply not found.
import { randomUUID } from "node:crypto";
import { UserFacingError } from "@/lib/actions/result";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { summarizeChanges, type SettingsSnapshot } from "@/lib/provisioning/change-summary";
import {
  CAPABILITY_MISSING_MESSAGE,
  DEFAULT_BUTTON_LABEL,
  type HeaderInput,
  type ProvisioningSettings,
  type ProvisioningSettingsInput,
} from "@/lib/provisioning/schema";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { changedFields } from "@/lib/audit/changes";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { maskSecret, maskUrlQuery } from "@/lib/audit/mask";
import { isUuid } from "@/lib/uuid";
import type { Prisma } from "@/generated/prisma/client";

export const STALE_SETTINGS_MESSAGE = "These settings were changed by someone else — reload to see their changes, then save again.";

const HISTORY_LENGTH = 10;

const configWithHeaders = { headers: { orderBy: { position: "asc" } } } satisfies Prisma.ProvisioningConfigInclude;
type StoredConfig = Prisma.ProvisioningConfigGetPayload<{ include: typeof configWithHeaders }>;

export type ProvisioningChangeEntry = { id: string; at: Date; actorName: string | null; lines: string[] };

export type ProvisioningPageData = {
  application: { id: string; name: string };
  /** Set by an operator (Vendor.autoProvisioningAvailable): until then auto-provisioning cannot be turned on. */
  autoProvisioningAvailable: boolean;
  settings: ProvisioningSettingsInput;
  history: ProvisioningChangeEntry[];
};

/** The settings as the form shows them: secret values are never sent to the browser. */
export async function loadProvisioningSettings(vendorId: string, applicationId: string): Promise<ProvisioningPageData | null> {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({
    where: { id: applicationId, vendorId },
    select: {
      id: true,
      name: true,
      vendor: { select: { autoProvisioningAvailable: true } },
      provisioning: { include: configWithHeaders },
      changes: {
        orderBy: { createdAt: "desc" },
        take: HISTORY_LENGTH,
        select: { id: true, createdAt: true, summary: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!application) return null;
  return {
    application: { id: application.id, name: application.name },
    autoProvisioningAvailable: application.vendor.autoProvisioningAvailable,
    settings: toFormValues(application.id, application.provisioning),
    history: application.changes.map((change) => ({
      id: change.id,
      at: change.createdAt,
      actorName: change.actor?.name ?? null,
      lines: change.summary,
    })),
  };
}

export async function saveProvisioningSettings(
  actor: { id: string; vendorId: string },
  input: ProvisioningSettings,
): Promise<{ version: number }> {
  const { encryptionKey } = getConfig();
  const context = secretContext(input.applicationId);

  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, vendorId: actor.vendorId },
      select: { id: true, vendor: { select: { autoProvisioningAvailable: true } }, provisioning: { include: configWithHeaders } },
    });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    const stored = application.provisioning;
    if ((stored?.version ?? 0) !== input.version) throw staleSettings();
    // Without the capability auto-provisioning cannot be turned on; one already on (the
    // capability withdrawn since) may stay as it is or be turned off. Either way no webhook
    // is sent while the capability is off (lib/webhooks/deliver.ts).
    if (input.autoProvisioning && !stored?.autoProvisioning && !application.vendor.autoProvisioningAvailable) {
      throw new UserFacingError(`${CAPABILITY_MISSING_MESSAGE}. Nothing was saved.`, {
        fieldErrors: { autoProvisioning: CAPABILITY_MISSING_MESSAGE },
      });
    }

    const headers = prepareHeaderRows(input.headers, stored?.headers ?? [], (value) => encryptSecret(value, encryptionKey, context));

    const next = {
      autoProvisioning: input.autoProvisioning,
      // Rule: auto-approve is on whenever auto-provisioning is.
      autoApprove: input.autoProvisioning || input.autoApprove,
      webhookUrl: input.webhookUrl || null,
      buttonLabel: input.buttonLabel,
    };
    const version = input.version + 1;
    const saved = await tx.provisioningConfig.updateMany({
      where: { applicationId: application.id, version: input.version },
      data: { ...next, version, updatedAt: new Date() },
    });
    const created =
      saved.count === 0 && !stored
        ? await tx.provisioningConfig.createMany({ data: [{ applicationId: application.id, ...next, version }], skipDuplicates: true })
        : { count: 0 };
    if (saved.count + created.count === 0) throw staleSettings();

    await tx.provisioningHeader.deleteMany({ where: { applicationId: application.id } });
    await tx.provisioningHeader.createMany({
      data: headers.map((header) => ({ ...header, applicationId: application.id })),
    });

    const summary = summarizeChanges(snapshot(stored), { ...next, headers: headers.map(headerSnapshot) });
    if (summary.length > 0) {
      await tx.provisioningChange.create({
        data: { applicationId: application.id, actorId: actor.id, version, summary },
      });
      const { before, after } = changedFields(auditedSettings(stored), auditedSettings({ ...next, headers }));
      await recordApplicationAudit(tx, application.id, {
        action: "provisioning.settings_changed",
        summary: (name) => `Provisioning settings of ${name} changed: ${summary.join("; ")}`,
        before,
        after,
      });
    }
    return { version };
  });
}

/**
 * The header rows to store, in form order. A secret left blank keeps its stored ciphertext,
 * found by the row's own stored id only: never another application's header.
 */
function prepareHeaderRows(headers: HeaderInput[], stored: StoredConfig["headers"], encrypt: (value: string) => string) {
  const storedById = new Map(stored.map((header) => [header.id, header]));
  return headers.map((header, position) => {
    const previous = header.storedId ? storedById.get(header.storedId) : undefined;
    const kept = header.secret && header.value === "" && previous?.secret ? previous.encryptedValue : null;
    if (header.secret && header.value === "" && !kept) {
      throw new UserFacingError("Check the highlighted fields.", {
        fieldErrors: { [`headers.${position}.value`]: "Enter a header value" },
      });
    }
    return {
      id: previous?.id ?? randomUUID(),
      position,
      name: header.name,
      secret: header.secret,
      value: header.secret ? null : header.value,
      encryptedValue: header.secret ? (kept ?? encrypt(header.value)) : null,
    };
  });
}

function staleSettings(): UserFacingError {
  return new UserFacingError(STALE_SETTINGS_MESSAGE, { code: "stale" });
}

/** The decrypted headers, for the code that sends webhooks. */
export function revealHeaders(
  applicationId: string,
  headers: StoredConfig["headers"],
): { name: string; value: string; secret: boolean }[] {
  return headers.map((header) => ({
    name: header.name,
    value: header.secret ? revealHeaderValue(applicationId, header.encryptedValue ?? "") : (header.value ?? ""),
    secret: header.secret,
  }));
}

export function revealHeaderValue(applicationId: string, encryptedValue: string): string {
  return decryptSecret(encryptedValue, getConfig().encryptionKey, secretContext(applicationId));
}

function secretContext(applicationId: string): string {
  return `provisioning-header:${applicationId}`;
}

function toFormValues(applicationId: string, config: StoredConfig | null): ProvisioningSettingsInput {
  return {
    applicationId,
    version: config?.version ?? 0,
    autoProvisioning: config?.autoProvisioning ?? false,
    autoApprove: config?.autoApprove ?? false,
    webhookUrl: config?.webhookUrl ?? "",
    buttonLabel: config?.buttonLabel ?? DEFAULT_BUTTON_LABEL,
    headers: (config?.headers ?? []).map((header) => ({
      storedId: header.id,
      name: header.name,
      value: header.secret ? "" : (header.value ?? ""),
      secret: header.secret,
      hasStoredSecret: header.secret,
    })),
  };
}

function snapshot(config: StoredConfig | null): SettingsSnapshot {
  return {
    autoProvisioning: config?.autoProvisioning ?? false,
    autoApprove: config?.autoApprove ?? false,
    webhookUrl: config?.webhookUrl ?? null,
    buttonLabel: config?.buttonLabel ?? DEFAULT_BUTTON_LABEL,
    headers: (config?.headers ?? []).map(headerSnapshot),
  };
}

function headerSnapshot(header: { name: string; secret: boolean; value: string | null; encryptedValue: string | null }) {
  return { name: header.name, secret: header.secret, valueFingerprint: (header.secret ? header.encryptedValue : header.value) ?? "" };
}

type AuditedHeader = { name: string; secret: boolean; value: string | null; encryptedValue: string | null };

/** The settings as the audit log shows them: a secret header's value only as set, a URL without its query. */
function auditedSettings(config: (Omit<SettingsSnapshot, "headers"> & { headers: AuditedHeader[] }) | null) {
  return {
    autoProvisioning: config?.autoProvisioning ?? false,
    autoApprove: config?.autoApprove ?? false,
    webhookUrl: maskUrlQuery(config?.webhookUrl ?? null),
    buttonLabel: config?.buttonLabel ?? DEFAULT_BUTTON_LABEL,
    headers: (config?.headers ?? []).map((header) => ({
      name: header.name,
      secret: header.secret,
      value: header.secret ? maskSecret(header.encryptedValue) : header.value,
    })),
  };
}
