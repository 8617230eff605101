// A district's own records, scoped by the district id from the session.
import { db } from "@/lib/db";

/** What the header of every district page needs: one small query. */
export async function getDistrictName(districtId: string): Promise<string> {
  const district = await db().district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
  return district.name;
}

/** The overview page: the district, its applications, waiting requests and the roster by role. */
export async function getDistrictOverview(districtId: string) {
  const [district, activeApplications, pendingVendorRequests, rosterByRole] = await Promise.all([
    db().district.findUniqueOrThrow({
      where: { id: districtId },
      select: { name: true, state: true, districtGuid: true, _count: { select: { admins: true } } },
    }),
    db().activation.count({ where: { districtId, status: "active" } }),
    db().accessRequest.count({ where: { districtId, kind: "vendor_access", status: "pending" } }),
    db().rosterUser.groupBy({ by: ["role"], where: { districtId }, _count: { _all: true }, orderBy: { role: "asc" } }),
  ]);
  const roster = rosterByRole.map((group) => ({ role: group.role, people: group._count._all }));
  return { ...district, activeApplications, pendingVendorRequests, roster };
}
