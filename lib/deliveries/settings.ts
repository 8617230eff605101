// The File delivery tab's stored settings, always scoped by the vendor from the session: another
// vendor's application is simply not found. Every save names the version it started from, so
// two admins never overwrite each other unseen; a custom format is saved as a new version only
// when its definition changed.
import { UserFacingError } from "@/lib/actions/result";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { customFormatSchema } from "@/lib/deliveries/custom-format/schema";
import { newDeliveryKeyPair } from "@/lib/deliveries/key-pair";
import { ensureOutboxUsername } from "@/lib/deliveries/outbox-account";
import { recordDeliveryKeyPair, recordDeliverySettingsChange, type AuditedExtras, type DeliverySettingsPart } from "@/lib/deliveries/settings-audit";
import type { DeliveryDestinationValues } from "@/lib/deliveries/settings-schema";
import type { CustomFormat } from "@/lib/deliveries/types";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/uuid";
import type { Prisma } from "@/generated/prisma/client";

export const STALE_DELIVERY_SETTINGS =
  "Someone else changed these settings after you opened this page. Reload to see their changes, then make yours again.";

type Actor = { id: string; vendorId: string };
type Tx = Prisma.TransactionClient;

export type SavedFormatVersion = { version: number; definition: CustomFormat | null; createdAt: Date; createdByName: string | null };

/** What the tab shows. The private key never leaves the server: only whether there is one. */
export type FileDeliverySettings = {
  applicationId: string;
  applicationName: string;
  version: number;
  enabled: boolean;
  format: "oneroster_csv" | "custom_csv";
  oneRosterDelta: boolean;
  destination: "vendor_sftp" | "rollcall_hosted";
  sftpHost: string;
  sftpPort: number;
  sftpUsername: string;
  sftpFolder: string;
  sftpPublicKey: string | null;
  pinnedHostKey: string | null;
  presentedHostKey: string | null;
  schedule: "daily" | "every_hours";
  dailyAt: string;
  timeZone: string;
  everyHours: number;
  /** The latest saved custom format, if any. */
  savedFormat: SavedFormatVersion | null;
};

const DEFAULTS = {
  version: 0,
  enabled: false,
  format: "oneroster_csv",
  oneRosterDelta: false,
  destination: "rollcall_hosted",
  sftpHost: null,
  sftpPort: 22,
  sftpUsername: null,
  sftpFolder: "/",
  sftpPublicKey: null,
  sftpPrivateKey: null,
  pinnedHostKey: null,
  presentedHostKey: null,
  outboxUsername: null,
  schedule: "daily",
  dailyAt: "02:00",
  timeZone: "UTC",
  everyHours: 6,
} as const;

export async function loadFileDeliverySettings(vendorId: string, applicationId: string): Promise<FileDeliverySettings | null> {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({
    where: { id: applicationId, vendorId },
    select: { id: true, name: true, fileDelivery: true, customFormats: { orderBy: { version: "desc" }, take: 1 } },
  });
  if (!application) return null;
  const stored = application.fileDelivery ?? DEFAULTS;
  const latest = application.customFormats[0];
  const author = latest?.createdById
    ? await db().user.findFirst({ where: { id: latest.createdById }, select: { name: true } })
    : null;
  return {
    applicationId: application.id,
    applicationName: application.name,
    version: stored.version,
    enabled: stored.enabled,
    format: stored.format,
    oneRosterDelta: stored.oneRosterDelta,
    destination: stored.destination,
    sftpHost: stored.sftpHost ?? "",
    sftpPort: stored.sftpPort,
    sftpUsername: stored.sftpUsername ?? "",
    sftpFolder: stored.sftpFolder,
    sftpPublicKey: stored.sftpPublicKey,
    pinnedHostKey: stored.pinnedHostKey,
    presentedHostKey: stored.presentedHostKey,
    schedule: stored.schedule,
    dailyAt: stored.dailyAt,
    timeZone: stored.timeZone,
    everyHours: stored.everyHours,
    savedFormat: latest
      ? { version: latest.version, definition: readDefinition(latest.definition), createdAt: latest.createdAt, createdByName: author?.name ?? null }
      : null,
  };
}

/** Why delivery can't be turned on with these settings, in words; null when it can. */
export function setupProblem(settings: {
  format: string;
  destination: string;
  sftpHost: string | null;
  sftpUsername: string | null;
  sftpPrivateKey: string | null;
  hasSavedFormat: boolean;
}): string | null {
  if (settings.format === "custom_csv" && !settings.hasSavedFormat) return "Save your custom format before turning delivery on.";
  if (settings.destination === "vendor_sftp") {
    if (!settings.sftpHost || !settings.sftpUsername) return "Enter and save your SFTP server's host and user name before turning delivery on.";
    if (!settings.sftpPrivateKey) return "Rollcall has no key for your SFTP server yet: choose “Your SFTP server” again to make one.";
  }
  return null;
}

export async function saveDeliveryEnabled(actor: Actor, input: { applicationId: string; version: number; enabled: boolean }) {
  return saveSettings(actor, input, "enabled", async (tx, stored) => {
    if (input.enabled) {
      const hasSavedFormat = (await tx.customFormatVersion.count({ where: { applicationId: input.applicationId } })) > 0;
      const problem = setupProblem({ ...(stored ?? DEFAULTS), hasSavedFormat });
      if (problem) throw new UserFacingError(problem);
    }
    return { enabled: input.enabled };
  });
}

type FormatSave =
  | { applicationId: string; version: number; format: "oneroster_csv"; oneRosterDelta: boolean }
  | { applicationId: string; version: number; format: "custom_csv"; custom: CustomFormat };

/** Saves the format; a custom one becomes version n+1 only when it differs from version n. */
export async function saveDeliveryFormat(actor: Actor, input: FormatSave) {
  // The audit log shows a new custom format version as a change even when the format stays custom.
  const versions: AuditedExtras = { before: {}, after: {} };
  return saveSettings(actor, input, "format", async (tx) => {
    if (input.format === "oneroster_csv") return { format: input.format, oneRosterDelta: input.oneRosterDelta };
    const latest = await tx.customFormatVersion.findFirst({ where: { applicationId: input.applicationId }, orderBy: { version: "desc" } });
    versions.before.customFormatVersion = latest?.version ?? null;
    versions.after.customFormatVersion = latest?.version ?? null;
    if (!latest || canonicalJson(latest.definition) !== canonicalJson(input.custom)) {
      versions.after.customFormatVersion = (latest?.version ?? 0) + 1;
      await tx.customFormatVersion.create({
        data: {
          applicationId: input.applicationId,
          version: (latest?.version ?? 0) + 1,
          definition: input.custom as unknown as Prisma.InputJsonValue,
          createdById: actor.id,
        },
      });
    }
    return { format: input.format };
  }, versions);
}

/** Saves the destination; a new host or port forgets the pinned host key, which was another server's. */
export async function saveDeliveryDestination(actor: Actor, input: DeliveryDestinationValues) {
  return saveSettings(actor, input, "destination", async (_tx, stored) => {
    if (input.destination === "rollcall_hosted") return { destination: input.destination };
    const moved = stored?.sftpHost !== input.sftpHost || stored.sftpPort !== input.sftpPort;
    return {
      destination: input.destination,
      sftpHost: input.sftpHost,
      sftpPort: input.sftpPort,
      sftpUsername: input.sftpUsername,
      sftpFolder: input.sftpFolder,
      ...(moved ? { pinnedHostKey: null, presentedHostKey: null, presentedHostKeyAt: null } : {}),
    };
  });
}

export async function saveDeliverySchedule(
  actor: Actor,
  input: { applicationId: string; version: number; schedule: "daily" | "every_hours"; dailyAt: string; timeZone: string; everyHours: number },
) {
  const { schedule, dailyAt, timeZone, everyHours } = input;
  return saveSettings(actor, input, "schedule", async () => ({ schedule, dailyAt, timeZone, everyHours }));
}

type DeliveryChanges = Partial<Omit<Prisma.FileDeliveryCreateManyInput, "applicationId" | "version">>;
type StoredDelivery = NonNullable<Awaited<ReturnType<Tx["fileDelivery"]["findUnique"]>>>;

/**
 * One save: checks the version the form started from, writes the changes `build` returns,
 * bumps the version and records what changed in the audit log, all in one transaction, then
 * answers with the settings as stored.
 */
async function saveSettings(
  actor: Actor,
  input: { applicationId: string; version: number },
  part: DeliverySettingsPart,
  build: (tx: Tx, stored: StoredDelivery | null) => Promise<DeliveryChanges>,
  auditedExtras?: AuditedExtras,
): Promise<FileDeliverySettings> {
  const { applicationId } = input;
  const destination = await db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, vendorId: actor.vendorId }, select: { id: true } });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    const stored = await tx.fileDelivery.findUnique({ where: { applicationId } });
    if ((stored?.version ?? 0) !== input.version) throw stale();
    const changes = { ...(await build(tx, stored)), updatedById: actor.id };
    const version = input.version + 1;
    const updated = await tx.fileDelivery.updateMany({ where: { applicationId, version: input.version }, data: { ...changes, version } });
    const created = updated.count === 0 && !stored ? await tx.fileDelivery.createMany({ data: [{ ...changes, applicationId, version }], skipDuplicates: true }) : { count: 0 };
    if (updated.count + created.count === 0) throw stale();
    await recordDeliverySettingsChange(tx, applicationId, part, stored ?? DEFAULTS, changes, auditedExtras);
    return changes.destination ?? stored?.destination ?? DEFAULTS.destination;
  });
  if (destination === "rollcall_hosted") await ensureOutboxUsername(applicationId);
  return reload(actor.vendorId, applicationId);
}

/**
 * The application's key pair for the vendor's SFTP server, made on first use (or again when
 * `regenerate`). Not a settings change: the version stays, except that a first key creates the row.
 */
export async function ensureDeliveryKeyPair(actor: Actor, applicationId: string, { regenerate = false } = {}) {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, vendorId: actor.vendorId }, select: { id: true, name: true } });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    const stored = await tx.fileDelivery.findUnique({ where: { applicationId }, select: { sftpPublicKey: true, sftpPrivateKey: true, version: true } });
    if (stored?.sftpPublicKey && !regenerate) return { publicKey: stored.sftpPublicKey, created: false, version: stored.version };
    const pair = newDeliveryKeyPair(application.name);
    const data = { sftpPrivateKey: pair.sealedPrivateKey, sftpPublicKey: pair.publicKey };
    const saved = await tx.fileDelivery.upsert({
      where: { applicationId },
      create: { applicationId, ...data, updatedById: actor.id },
      update: data,
      select: { version: true },
    });
    await recordDeliveryKeyPair(tx, applicationId, stored, pair);
    return { publicKey: pair.publicKey, created: !stored, version: saved.version };
  });
}

/** What Test connection needs beyond the form: the stored key and the pinned host key. */
export async function loadSftpCredentials(vendorId: string, applicationId: string) {
  const application = await db().application.findFirst({
    where: { id: applicationId, vendorId },
    select: { fileDelivery: { select: { sftpPrivateKey: true, pinnedHostKey: true } } },
  });
  if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
  const sealedPrivateKey = application.fileDelivery?.sftpPrivateKey;
  if (!sealedPrivateKey) throw new UserFacingError("Rollcall has no key for your SFTP server yet: choose “Your SFTP server” again to make one.");
  return { sealedPrivateKey, pinnedHostKey: application.fileDelivery?.pinnedHostKey ?? null };
}

/** Remembers the host key a server presented that is not the pinned one, for the admin to confirm. */
export async function recordPresentedHostKey(applicationId: string, fingerprint: string) {
  await db().fileDelivery.updateMany({ where: { applicationId }, data: { presentedHostKey: fingerprint, presentedHostKeyAt: new Date() } });
}

/** Pins the host key the server last presented; refuses any other fingerprint (a page left open too long). */
export async function trustHostKey(vendorId: string, applicationId: string, fingerprint: string): Promise<{ pinnedHostKey: string }> {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, vendorId },
      select: { fileDelivery: { select: { presentedHostKey: true, pinnedHostKey: true, sftpHost: true } } },
    });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    const delivery = application.fileDelivery;
    if (delivery?.presentedHostKey !== fingerprint) {
      throw new UserFacingError("Your SFTP server has not presented this host key lately. Use Test connection again, then trust the key it shows.");
    }
    const { count } = await tx.fileDelivery.updateMany({
      where: { applicationId, presentedHostKey: fingerprint },
      data: { pinnedHostKey: fingerprint, presentedHostKey: null, presentedHostKeyAt: null },
    });
    if (count === 0) throw new UserFacingError("The host key changed again meanwhile. Use Test connection again, then trust the key it shows.");
    await recordApplicationAudit(tx, applicationId, {
      action: "sftp_host_key.trusted",
      summary: (name) => `Host key ${fingerprint} of ${delivery.sftpHost ?? "the SFTP server"} trusted for ${name}`,
      before: { pinnedHostKey: delivery.pinnedHostKey },
      after: { pinnedHostKey: fingerprint },
    });
    return { pinnedHostKey: fingerprint };
  });
}

/** The districts the log can be filtered by: those that activated the application or had a run. */
export async function listDeliveryDistricts(vendorId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({ where: { id: applicationId, vendorId }, select: { id: true } });
  if (!application) return null;
  return db().district.findMany({
    where: { OR: [{ activations: { some: { applicationId } } }, { deliveryRuns: { some: { applicationId } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function countActiveDistricts(applicationId: string): Promise<number> {
  return db().activation.count({ where: { applicationId, status: "active", district: { sandbox: false } } });
}

async function reload(vendorId: string, applicationId: string): Promise<FileDeliverySettings> {
  const settings = await loadFileDeliverySettings(vendorId, applicationId);
  if (!settings) throw new UserFacingError(APPLICATION_NOT_FOUND);
  return settings;
}

function stale(): UserFacingError {
  return new UserFacingError(STALE_DELIVERY_SETTINGS, { code: "stale" });
}

function readDefinition(definition: Prisma.JsonValue): CustomFormat | null {
  const parsed = customFormatSchema.safeParse(definition);
  return parsed.success ? parsed.data : null;
}

/** JSON with object keys sorted, so that two equal definitions compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
