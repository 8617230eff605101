// A district's SFTP account: its username, the SSH keys that may sign in, the networks
// connections may come from, and when its inbox is processed. Every function takes the
// district id from the signed-in admin, so another district's key is simply "not found".
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { sameValue } from "@/lib/audit/changes";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/enqueue";
import { ensureAccountFolders } from "@/lib/sftp/folders";
import { parsePublicKey } from "@/lib/sftp/public-keys";
import { DEFAULT_PROCESS_AT, DEFAULT_TIME_ZONE } from "@/lib/sftp/schema";
import { PROCESS_SFTP_INBOX_TASK, inboxJobKey } from "@/lib/sftp/task-names";

export const MAX_KEYS = 20;

export type SftpAccountView = { username: string; allowedNetworks: string[]; lastLoginAt: Date | null; lastProcessedAt: Date | null };
export type SftpKeyView = { id: string; name: string; algorithm: string; fingerprint: string; createdAt: Date; lastUsedAt: Date | null };
export type ProcessingSchedule = { processAt: string; timeZone: string };

const ACCOUNT_VIEW = { username: true, allowedNetworks: true, lastLoginAt: true, lastProcessedAt: true } as const;
const KEY_VIEW = { id: true, name: true, algorithm: true, fingerprint: true, createdAt: true, lastUsedAt: true } as const;

/** The district's account, made on first visit with a username such as springfield-1a2b3c. */
export async function ensureSftpAccount(districtId: string): Promise<SftpAccountView> {
  const existing = await db().sftpAccount.findUnique({ where: { districtId }, select: ACCOUNT_VIEW });
  if (existing) return existing;
  const district = await db().district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
  await ensureAccountFolders(districtId);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().sftpAccount.create({ data: { districtId, username: usernameFor(district.name, districtId, attempt) }, select: ACCOUNT_VIEW });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
      // A second tab made the account meanwhile, or the username is taken: look again.
      const made = await db().sftpAccount.findUnique({ where: { districtId }, select: ACCOUNT_VIEW });
      if (made) return made;
    }
  }
}

const FILLER_WORDS = new Set(["the", "of", "public", "school", "schools", "district", "unified", "independent", "county"]);

/** The district's name in a few words (springfield) and a short suffix: the district id's, then random ones on a clash. */
export function usernameFor(districtName: string, districtId: string, attempt = 0): string {
  const words = districtName
    .normalize("NFKD")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((word) => !FILLER_WORDS.has(word));
  let slug = "";
  for (const word of meaningful.length > 0 ? meaningful : words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (longer.length > 20) break;
    slug = longer;
  }
  const suffix = attempt === 0 ? districtId.replace(/-/g, "").slice(0, 6) : randomBytes(3).toString("hex");
  return `${slug || "district"}-${suffix}`;
}

export function listSftpKeys(districtId: string): Promise<SftpKeyView[]> {
  return db().sftpKey.findMany({ where: { districtId }, orderBy: { createdAt: "asc" }, select: KEY_VIEW });
}

export async function addSftpKey(actor: { id: string; districtId: string }, input: { name: string; publicKey: string }): Promise<SftpKeyView> {
  const parsed = parsePublicKey(input.publicKey);
  if (!parsed.ok) throw new UserFacingError(parsed.message, { fieldErrors: { publicKey: parsed.message } });
  await ensureSftpAccount(actor.districtId);
  const count = await db().sftpKey.count({ where: { districtId: actor.districtId } });
  if (count >= MAX_KEYS) throw new UserFacingError(`This account has ${MAX_KEYS} keys. Remove one that is no longer used, then add this one.`);
  const { algorithm, fingerprint, publicKey } = parsed.key;
  try {
    return await db().$transaction(async (tx) => {
      const key = await tx.sftpKey.create({
        data: { districtId: actor.districtId, name: input.name, algorithm, fingerprint, publicKey, createdById: actor.id },
        select: KEY_VIEW,
      });
      // A public key is no secret: its fingerprint says which key it is.
      await recordAudit(tx, {
        ...(await districtTenant(tx, actor.districtId)),
        action: "sftp_key.added",
        summary: `SFTP key “${key.name}” added`,
        after: { name: key.name, algorithm: key.algorithm, fingerprint: key.fingerprint },
      });
      return key;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const same = await db().sftpKey.findFirst({ where: { districtId: actor.districtId, fingerprint }, select: { name: true } });
    const message = `This key is already on the account${same ? ` as “${same.name}”` : ""}.`;
    throw new UserFacingError(message, { fieldErrors: { publicKey: message } });
  }
}

export async function removeSftpKey(districtId: string, keyId: string): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const key = await tx.sftpKey.findFirst({ where: { id: keyId, districtId }, select: { name: true, algorithm: true, fingerprint: true } });
    const { count } = await tx.sftpKey.deleteMany({ where: { id: keyId, districtId } });
    if (!key || count === 0) throw new UserFacingError("This key was not found: it may have been removed already. Reload the page.");
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "sftp_key.removed",
      summary: `SFTP key “${key.name}” removed`,
      before: key,
    });
    return { id: keyId };
  });
}

export async function saveAllowedNetworks(districtId: string, networks: string[]): Promise<string[]> {
  await ensureSftpAccount(districtId);
  return db().$transaction(async (tx) => {
    const before = await tx.sftpAccount.findUniqueOrThrow({ where: { districtId }, select: { allowedNetworks: true } });
    const saved = await tx.sftpAccount.update({ where: { districtId }, data: { allowedNetworks: networks }, select: { allowedNetworks: true } });
    if (!sameValue(before.allowedNetworks, saved.allowedNetworks)) {
      await recordAudit(tx, {
        ...(await districtTenant(tx, districtId)),
        action: "sftp.allowed_networks_changed",
        summary: saved.allowedNetworks.length === 0 ? "SFTP sign-in allowed from any network" : `SFTP sign-in allowed from ${saved.allowedNetworks.join(", ")}`,
        before: { allowedNetworks: before.allowedNetworks },
        after: { allowedNetworks: saved.allowedNetworks },
      });
    }
    return saved.allowedNetworks;
  });
}

export async function getProcessingSchedule(districtId: string): Promise<ProcessingSchedule> {
  const settings = await db().importSettings.findUnique({ where: { districtId }, select: { processAt: true, timeZone: true } });
  return settings ?? { processAt: DEFAULT_PROCESS_AT, timeZone: DEFAULT_TIME_ZONE };
}

export async function saveProcessingSchedule(districtId: string, schedule: ProcessingSchedule): Promise<ProcessingSchedule> {
  return db().$transaction(async (tx) => {
    const before = (await tx.importSettings.findUnique({ where: { districtId }, select: { processAt: true, timeZone: true } })) ?? {
      processAt: DEFAULT_PROCESS_AT,
      timeZone: DEFAULT_TIME_ZONE,
    };
    const saved = await tx.importSettings.upsert({
      where: { districtId },
      create: { districtId, ...schedule },
      update: schedule,
      select: { processAt: true, timeZone: true },
    });
    if (!sameValue(before, saved)) {
      await recordAudit(tx, {
        ...(await districtTenant(tx, districtId)),
        action: "sftp.processing_schedule_changed",
        summary: `SFTP inbox processed daily at ${saved.processAt} (${saved.timeZone})`,
        before,
        after: saved,
      });
    }
    return saved;
  });
}

/** Queues processing the inbox; asking again before it runs still queues it once. */
/** "Process inbox now": the imports it starts are audited as the inbox's; the request is the admin's. */
export async function queueInboxProcessing(districtId: string): Promise<{ queuedAt: Date }> {
  await ensureSftpAccount(districtId);
  await db().$transaction(async (tx) => {
    await addJob(tx, PROCESS_SFTP_INBOX_TASK, { districtId }, { jobKey: inboxJobKey(districtId), maxAttempts: 3 });
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "sftp_inbox.processing_requested",
      summary: "Asked to process the SFTP inbox now",
    });
  });
  return { queuedAt: new Date() };
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
