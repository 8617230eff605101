// One delivery run, as its job runs it: checks the district still uses the application, exports
// its files into a temporary folder, delivers them to the vendor's SFTP server or the Rollcall
// outbox, and records what was sent and how it went. A failure that may pass (timeout, full disk)
// schedules the run again on the webhook retry schedule; one that needs the admin does not.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { DeliveryFormat, DeliveryRunStatus, FileDelivery, Prisma } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";
import { customFormatSchema } from "@/lib/deliveries/custom-format/schema";
import { deliveryFileName, exportCustomCsv, exportOneRosterZip } from "@/lib/deliveries/export";
import { openDeliveryPrivateKey } from "@/lib/deliveries/key-pair";
import { describeOutbox, placeInOutbox } from "@/lib/deliveries/outbox";
import { uploadToSftp, type SftpClientOptions, type SftpTarget } from "@/lib/deliveries/sftp-client";
import { deliveryRunJobKey, RUN_DELIVERY_TASK } from "@/lib/deliveries/task-names";
import type { DeliveryFailure, ExportedFile } from "@/lib/deliveries/types";
import { RUN_JOB_MAX_ATTEMPTS } from "@/lib/deliveries/runs";
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/enqueue";
import { suspensionRecheckAt } from "@/lib/tenants/suspension";
import { delayBeforeNextAttempt } from "@/lib/webhooks/retry-schedule";

export type RunDeliveryOptions = SftpClientOptions & {
  /** Jitter of the retry delay (tests make it exact). */
  random?: () => number;
};

type Run = { id: string; applicationId: string; districtId: string; attempts: number; district: { districtGuid: string } };
type Exported = { files: ExportedFile[]; formatVersion: number | null; deltaSince: Date | null };
type Outcome = { failure: DeliveryFailure | null; destination: string; exported: Exported | null; format: DeliveryFormat | null };

/** Runs the delivery; returns the run's status afterwards (null for a run that no longer exists). */
export async function runDelivery(runId: string, options: RunDeliveryOptions = {}): Promise<DeliveryRunStatus | null> {
  const run = await db().deliveryRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      applicationId: true,
      districtId: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      district: { select: { districtGuid: true, suspendedAt: true } },
      application: { select: { vendor: { select: { suspendedAt: true } } } },
    },
  });
  if (!run) return null;
  // Settled already (a job run twice, or one left over from before Deliver now brought it forward).
  if (run.status === "delivered" || run.status === "stopped" || (run.status === "failed" && run.nextAttemptAt === null)) return run.status;
  // The vendor or the district is suspended: the run waits, using no attempt, until the operator resumes it.
  if (run.district.suspendedAt || run.application.vendor.suspendedAt) {
    await addJob(db(), RUN_DELIVERY_TASK, { runId: run.id }, { runAt: suspensionRecheckAt(), jobKey: deliveryRunJobKey(run.id), maxAttempts: RUN_JOB_MAX_ATTEMPTS });
    return run.status;
  }

  const startedAt = new Date();
  const activation = await db().activation.findUnique({
    where: { districtId_applicationId: { districtId: run.districtId, applicationId: run.applicationId } },
    select: { status: true },
  });
  if (activation?.status !== "active") {
    await db().deliveryRun.update({
      where: { id: run.id },
      data: {
        status: "stopped",
        startedAt,
        finishedAt: startedAt,
        durationMs: 0,
        nextAttemptAt: null,
        errorKind: null,
        error: "The district deactivated this application, so this delivery stopped: nothing was sent and nothing was removed from your side.",
      },
    });
    return "stopped";
  }

  const attempts = run.attempts + 1;
  await db().deliveryRun.update({ where: { id: run.id }, data: { status: "running", startedAt, attempts, nextAttemptAt: null, errorKind: null, error: null } });
  const outcome = await attempt({ ...run, attempts }, startedAt, options);
  return settle({ ...run, attempts }, startedAt, outcome, options);
}

async function attempt(run: Run, startedAt: Date, options: RunDeliveryOptions): Promise<Outcome> {
  const delivery = await db().fileDelivery.findUnique({ where: { applicationId: run.applicationId } });
  if (!delivery) return failed({ kind: "error", message: "File delivery is no longer set up for this application: nothing was sent.", retry: false });
  const destination = destinationOf(delivery, run.district.districtGuid);
  const outcome = (failure: DeliveryFailure | null, exported: Exported | null = null): Outcome => ({ failure, destination: destination.words, exported, format: delivery.format });
  if (!delivery.enabled) return outcome({ kind: "error", message: "Delivery was turned off before this run started: nothing was sent.", retry: false });

  const folder = path.join(getConfig().dataDir, "deliveries", "tmp", run.id);
  try {
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const exported = await exportFiles(run, delivery, folder, startedAt);
    if ("kind" in exported) return outcome(exported);
    if (delivery.destination === "rollcall_hosted") {
      await placeInOutbox(run.applicationId, run.district.districtGuid, exported.files);
      return outcome(null, exported);
    }
    return outcome(await upload(run, delivery, destination.folder, exported, options), exported);
  } catch (error) {
    console.error(`File delivery run ${run.id} failed`, error);
    return outcome({ kind: "error", message: "Rollcall could not prepare or place this district's files; it will try again.", retry: true });
  } finally {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Where the district's files go, in the words the log shows: the vendor's folder gets a folder per district, as the outbox does. */
function destinationOf(delivery: FileDelivery, districtGuid: string): { words: string; folder: string } {
  if (delivery.destination === "rollcall_hosted") return { words: describeOutbox(districtGuid), folder: "" };
  const folder = path.posix.join(delivery.sftpFolder || "/", districtGuid.toLowerCase());
  return { words: `sftp://${delivery.sftpHost ?? ""}:${delivery.sftpPort}${folder}/`, folder };
}

/** The district's files in the application's format, written into `folder`; or why they could not be. */
async function exportFiles(run: Run, delivery: FileDelivery, folder: string, startedAt: Date): Promise<Exported | DeliveryFailure> {
  if (delivery.format === "custom_csv") {
    const latest = await db().customFormatVersion.findFirst({ where: { applicationId: run.applicationId }, orderBy: { version: "desc" } });
    if (!latest) return { kind: "error", message: "There is no saved custom format: save one on the File delivery tab.", retry: false };
    const parsed = customFormatSchema.safeParse(latest.definition);
    const name = parsed.success ? deliveryFileName(parsed.data, startedAt) : "";
    if (!parsed.success || name !== path.basename(name) || name.startsWith(".")) {
      return { kind: "error", message: `Custom format version ${latest.version} is not valid: open it on the File delivery tab, correct it and save it.`, retry: false };
    }
    const file = await exportCustomCsv(run.districtId, parsed.data, path.join(folder, name));
    return { files: [{ ...file, name }], formatVersion: latest.version, deltaSince: null };
  }
  // A delta holds what changed since the last delivered export began reading, so nothing changed during it is missed.
  const previous = delivery.oneRosterDelta
    ? await db().deliveryRun.findFirst({
        where: { applicationId: run.applicationId, districtId: run.districtId, status: "delivered", format: "oneroster_csv" },
        orderBy: { finishedAt: "desc" },
        select: { startedAt: true },
      })
    : null;
  const deltaSince = previous?.startedAt ?? null;
  const name = `oneroster-${deltaSince ? "delta" : "bulk"}-${stamp(startedAt)}.zip`;
  const zip = await exportOneRosterZip(run.districtId, path.join(folder, name), { deltaSince });
  return { files: [{ name, path: zip.path, rows: zip.rows, bytes: zip.bytes, sha256: zip.sha256 }], formatVersion: null, deltaSince };
}

async function upload(run: Run, delivery: FileDelivery, folder: string, exported: Exported, options: RunDeliveryOptions): Promise<DeliveryFailure | null> {
  const { sftpHost: host, sftpUsername: username, sftpPrivateKey: sealed } = delivery;
  if (!host || !username || !sealed) {
    return { kind: "error", message: "Your SFTP server's host, user name or key is missing: complete the destination on the File delivery tab.", retry: false };
  }
  let privateKey: string;
  try {
    privateKey = openDeliveryPrivateKey(sealed);
  } catch {
    return { kind: "error", message: "Rollcall could not read its SFTP key: make a new key on the File delivery tab and install its public key.", retry: false };
  }
  const target: SftpTarget = { host, port: delivery.sftpPort, username, folder, privateKey, pinnedHostKey: delivery.pinnedHostKey };
  const result = await uploadToSftp(target, exported.files, options);
  if (!result.ok && result.hostKey && result.hostKey !== delivery.pinnedHostKey) {
    // The tab shows it for the admin to confirm; until then nothing more is sent.
    await db().fileDelivery.update({ where: { applicationId: run.applicationId }, data: { presentedHostKey: result.hostKey, presentedHostKeyAt: new Date() } });
  }
  return result.ok ? null : result.failure;
}

async function settle(run: Run, startedAt: Date, outcome: Outcome, options: RunDeliveryOptions): Promise<DeliveryRunStatus> {
  const finishedAt = new Date();
  const { failure, exported } = outcome;
  const delay = failure?.retry ? delayBeforeNextAttempt(run.attempts, { random: options.random, delays: getConfig().webhookRetryDelaysMs }) : null;
  const nextAttemptAt = delay === null ? null : new Date(finishedAt.getTime() + delay);
  const status: DeliveryRunStatus = failure ? "failed" : "delivered";
  const files = exported?.files.map(({ name, rows, bytes, sha256 }) => ({ name, rows, bytes, sha256 })) ?? [];
  const data: Prisma.DeliveryRunUpdateInput = {
    status,
    ...(outcome.format ? { format: outcome.format } : {}),
    ...(exported ? { formatVersion: exported.formatVersion, deltaSince: exported.deltaSince } : {}),
    destination: outcome.destination,
    files,
    rows: files.reduce((sum, file) => sum + file.rows, 0),
    bytes: BigInt(files.reduce((sum, file) => sum + file.bytes, 0)),
    errorKind: failure?.kind ?? null,
    error: failure?.message ?? null,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    nextAttemptAt,
  };
  await db().$transaction(async (tx) => {
    await tx.deliveryRun.update({ where: { id: run.id }, data });
    if (nextAttemptAt) await addJob(tx, RUN_DELIVERY_TASK, { runId: run.id }, { runAt: nextAttemptAt, jobKey: deliveryRunJobKey(run.id), maxAttempts: RUN_JOB_MAX_ATTEMPTS });
  });
  return status;
}

function failed(failure: DeliveryFailure): Outcome {
  return { failure, destination: "", exported: null, format: null };
}

/** 2026-01-15T08:00:05.123Z → 20260115-080005 (UTC). */
function stamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
}
