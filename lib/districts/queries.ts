// A district's own records, scoped by the district id from the session.
import { db } from "@/lib/db";

export async function getDistrictOverview(districtId: string) {
  return db().district.findUniqueOrThrow({
    where: { id: districtId },
    select: { name: true, state: true, districtGuid: true, _count: { select: { admins: true } } },
  });
}
