// A district's own records, scoped by the district id from the session.
import { cache } from "react";
import { db } from "@/lib/db";

/** Cached per request: the district layout and its pages both show it. */
export const getDistrictOverview = cache(async (districtId: string) =>
  db().district.findUniqueOrThrow({
    where: { id: districtId },
    select: { name: true, state: true, districtGuid: true, _count: { select: { admins: true } } },
  }),
);
