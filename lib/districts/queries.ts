// A district's own records, scoped by the district id from the session.
import { cache } from "react";
import { db } from "@/lib/db";

/** Cached per request: the district layout and its pages both show it. */
export const getDistrictOverview = cache(async (districtId: string) => {
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
});
