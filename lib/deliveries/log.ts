// The delivery log of an application: its runs, newest first, with what each sent and how it
// went. Callers authorise first (the application must be the vendor admin's own).
import type { DeliveryFormat, DeliveryRunStatus, Prisma } from "@/generated/prisma/client";
import { DELIVERY_ERROR_KINDS, type DeliveryErrorKind } from "@/lib/deliveries/types";
import { db } from "@/lib/db";

export type DeliveredFile = { name: string; rows: number; bytes: number; sha256: string };

export type DeliveryRunRow = {
  id: string;
  districtId: string;
  districtName: string;
  trigger: "manual" | "schedule";
  status: DeliveryRunStatus;
  format: DeliveryFormat;
  formatVersion: number | null;
  /** Where the files went, in words; "" before the run got that far. */
  destination: string;
  files: DeliveredFile[];
  rows: number;
  bytes: number;
  attempts: number;
  errorKind: DeliveryErrorKind | null;
  error: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  /** Set while a failed run waits for its next attempt. */
  nextAttemptAt: Date | null;
};

const MAX_PAGE_SIZE = 100;

/** One page (from 1) of the application's runs, newest first, optionally for one district or status. */
export async function listDeliveryRuns(
  applicationId: string,
  { districtId, status, page = 1, pageSize = 20 }: { districtId?: string; status?: DeliveryRunStatus; page?: number; pageSize?: number },
): Promise<{ rows: DeliveryRunRow[]; total: number }> {
  const take = Math.min(Math.max(1, Math.floor(pageSize)), MAX_PAGE_SIZE);
  const skip = (Math.max(1, Math.floor(page)) - 1) * take;
  const where: Prisma.DeliveryRunWhereInput = { applicationId, ...(districtId ? { districtId } : {}), ...(status ? { status } : {}) };
  const [runs, total] = await Promise.all([
    db().deliveryRun.findMany({
      where,
      orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
      skip,
      take,
      include: { district: { select: { name: true } } },
    }),
    db().deliveryRun.count({ where }),
  ]);
  return {
    total,
    rows: runs.map((run) => ({
      id: run.id,
      districtId: run.districtId,
      districtName: run.district.name,
      trigger: run.trigger === "manual" ? "manual" : "schedule",
      status: run.status,
      format: run.format,
      formatVersion: run.formatVersion,
      destination: run.destination,
      files: filesOf(run.files),
      rows: run.rows,
      bytes: Number(run.bytes),
      attempts: run.attempts,
      errorKind: (DELIVERY_ERROR_KINDS as readonly string[]).includes(run.errorKind ?? "") ? (run.errorKind as DeliveryErrorKind) : null,
      error: run.error,
      queuedAt: run.queuedAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      durationMs: run.durationMs,
      nextAttemptAt: run.nextAttemptAt,
    })),
  };
}

function filesOf(value: Prisma.JsonValue): DeliveredFile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return [];
    const { name, rows, bytes, sha256 } = item as Record<string, unknown>;
    if (typeof name !== "string") return [];
    return [{ name, rows: Number(rows) || 0, bytes: Number(bytes) || 0, sha256: typeof sha256 === "string" ? sha256 : "" }];
  });
}
