"use server";

// A vendor admin's side of access requests, for the vendor's own applications only.
import { z } from "zod";
import { vendorAction } from "@/lib/actions/authorised-action";
import { decideSchoolRevocation, requestDistrictAccess } from "@/lib/access-requests/requests";
import { requestDistrictAccessSchema } from "@/lib/access-requests/schema";

export const requestDistrictAccessAction = vendorAction(
  () => requestDistrictAccessSchema,
  (admin, request) => requestDistrictAccess(admin, request),
);

export const decideSchoolRevocationAction = vendorAction(
  () => z.object({ requestId: z.string().uuid(), decision: z.enum(["approve", "deny"]) }),
  (admin, request) => decideSchoolRevocation(admin, request),
);
