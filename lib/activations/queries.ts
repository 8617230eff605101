// A district's activations and the requests waiting on it, scoped by the session's district.
import { db } from "@/lib/db";

export type SchoolAccess = { orgId: string; name: string; revocation: "revoked" | "pending" | null };

export type DistrictActivation = {
  applicationId: string;
  applicationName: string;
  vendorName: string;
  mode: "trial" | "standard";
  origin: "district" | "vendor_request";
  status: "active" | "deactivated";
  autoProvisioned: boolean;
  activatedAt: Date;
  deactivatedAt: Date | null;
  schools: SchoolAccess[];
};

export async function listDistrictActivations(districtId: string): Promise<DistrictActivation[]> {
  const [activations, schools, revocations] = await Promise.all([
    db().activation.findMany({
      where: { districtId },
      orderBy: [{ status: "asc" }, { activatedAt: "desc" }],
      select: {
        applicationId: true,
        mode: true,
        origin: true,
        status: true,
        autoProvisioned: true,
        activatedAt: true,
        deactivatedAt: true,
        application: { select: { name: true, vendor: { select: { name: true } } } },
      },
    }),
    listDistrictSchools(districtId),
    db().accessRequest.findMany({
      where: { districtId, kind: "revoke_school", status: { in: ["approved", "pending"] } },
      select: { applicationId: true, orgId: true, status: true },
    }),
  ]);
  const revocationOf = new Map(revocations.map((r) => [`${r.applicationId}:${r.orgId}`, r.status === "approved" ? "revoked" : "pending"] as const));

  return activations.map(({ application, ...activation }) => ({
    ...activation,
    applicationName: application.name,
    vendorName: application.vendor.name,
    schools: schools.map((school) => ({
      orgId: school.id,
      name: school.name,
      revocation: revocationOf.get(`${activation.applicationId}:${school.id}`) ?? null,
    })),
  }));
}

export function listDistrictSchools(districtId: string) {
  return db().org.findMany({
    where: { districtId, type: "school", status: "active" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type PendingVendorRequest = {
  id: string;
  applicationName: string;
  vendorName: string;
  requestedAt: Date;
  requestedByName: string | null;
};

export async function listPendingVendorRequests(districtId: string): Promise<PendingVendorRequest[]> {
  const requests = await db().accessRequest.findMany({
    where: { districtId, kind: "vendor_access", status: "pending" },
    orderBy: { requestedAt: "asc" },
    select: {
      id: true,
      requestedAt: true,
      requestedBy: { select: { name: true } },
      application: { select: { name: true, vendor: { select: { name: true } } } },
    },
  });
  return requests.map((request) => ({
    id: request.id,
    applicationName: request.application.name,
    vendorName: request.application.vendor.name,
    requestedAt: request.requestedAt,
    requestedByName: request.requestedBy?.name ?? null,
  }));
}
