// The caller's activations, across all its applications, newest first, by page.
import { db } from "@/lib/db";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export type PageRequest = { limit: number; offset: number };

/** limit and offset from the query string; nonsense falls back to the defaults, oversize limits are clamped. */
export function pageRequestOf(url: URL): PageRequest | { error: string } {
  const limitParam = url.searchParams.get("limit");
  const offsetParam = url.searchParams.get("offset");
  const limit = limitParam === null ? DEFAULT_PAGE_SIZE : Number(limitParam);
  const offset = offsetParam === null ? 0 : Number(offsetParam);
  if (!Number.isInteger(limit) || limit < 1) return { error: "limit must be a whole number from 1." };
  if (!Number.isInteger(offset) || offset < 0) return { error: "offset must be a whole number from 0." };
  return { limit: Math.min(limit, MAX_PAGE_SIZE), offset };
}

export async function listPartnerActivations(vendorId: string, page: PageRequest) {
  const where = { application: { vendorId } };
  const [total, rows] = await Promise.all([
    db().activation.count({ where }),
    db().activation.findMany({
      where,
      orderBy: [{ activatedAt: "desc" }, { id: "asc" }],
      skip: page.offset,
      take: page.limit,
      select: {
        mode: true,
        origin: true,
        status: true,
        autoProvisioned: true,
        activatedAt: true,
        deactivatedAt: true,
        application: { select: { id: true, name: true } },
        district: { select: { districtGuid: true, name: true, state: true } },
      },
    }),
  ]);
  const activations = rows.map((row) => ({
    applicationId: row.application.id,
    applicationName: row.application.name,
    districtGUID: row.district.districtGuid,
    district: { name: row.district.name, state: row.district.state },
    mode: row.mode,
    status: row.status,
    origin: row.origin,
    autoProvisioned: row.autoProvisioned,
    activatedAt: row.activatedAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  }));
  return { total, activations };
}
