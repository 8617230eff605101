// The operator console's vendor and district lists: found by name or an admin's email, a page
// at a time in name order. An instance has hundreds of tenants at most, so plain offset paging
// by page number serves; the sandbox district is never listed.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export const TENANT_PAGE_SIZE = 25;
const MAX_SEARCH_LENGTH = 200;

export type TenantFilter = { q?: string; page: number };

export type TenantPage<Row> = { rows: Row[]; total: number; page: number; pages: number };

export type VendorRow = {
  id: string;
  name: string;
  admins: number;
  applications: number;
  autoProvisioningAvailable: boolean;
  suspendedAt: Date | null;
  createdAt: Date;
};

export type DistrictRow = {
  id: string;
  name: string;
  state: string;
  districtGuid: string;
  admins: number;
  activations: number;
  ssoOn: boolean;
  suspendedAt: Date | null;
  createdAt: Date;
};

/** A page's search params as a filter; a missing or bad page number is the first page. */
export function parseTenantFilter(params: Record<string, string | string[] | undefined>): TenantFilter {
  const one = (name: string) => [params[name]].flat()[0];
  const q = one("q")?.trim().slice(0, MAX_SEARCH_LENGTH);
  const page = Number(one("page"));
  return { ...(q && { q }), page: Number.isInteger(page) && page > 1 ? page : 1 };
}

function nameOrAdminEmail(q: string | undefined) {
  if (!q) return {};
  return {
    OR: [{ name: { contains: q, mode: "insensitive" as const } }, { admins: { some: { email: { contains: q, mode: "insensitive" as const } } } }],
  };
}

function pageOf<Row>(rows: Row[], total: number, page: number): TenantPage<Row> {
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / TENANT_PAGE_SIZE)) };
}

export async function listVendors(filter: TenantFilter): Promise<TenantPage<VendorRow>> {
  const where: Prisma.VendorWhereInput = nameOrAdminEmail(filter.q);
  const [found, total] = await Promise.all([
    db().vendor.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * TENANT_PAGE_SIZE,
      take: TENANT_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        autoProvisioningAvailable: true,
        suspendedAt: true,
        createdAt: true,
        _count: { select: { admins: true, applications: true } },
      },
    }),
    db().vendor.count({ where }),
  ]);
  const rows = found.map(({ _count, ...vendor }) => ({ ...vendor, admins: _count.admins, applications: _count.applications }));
  return pageOf(rows, total, filter.page);
}

export async function listDistricts(filter: TenantFilter): Promise<TenantPage<DistrictRow>> {
  const where: Prisma.DistrictWhereInput = { sandbox: false, ...nameOrAdminEmail(filter.q) };
  const [found, total] = await Promise.all([
    db().district.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * TENANT_PAGE_SIZE,
      take: TENANT_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        state: true,
        districtGuid: true,
        suspendedAt: true,
        createdAt: true,
        ssoConnection: { select: { signInEnabled: true } },
        _count: { select: { admins: true, activations: { where: { status: "active" } } } },
      },
    }),
    db().district.count({ where }),
  ]);
  const rows = found.map(({ _count, ssoConnection, ...district }) => ({
    ...district,
    admins: _count.admins,
    activations: _count.activations,
    ssoOn: ssoConnection?.signInEnabled ?? false,
  }));
  return pageOf(rows, total, filter.page);
}
