"use server";

// A district admin's actions on applications. Every one acts for the session's district only.
import { z } from "zod";
import { districtAction } from "@/lib/actions/authorised-action";
import { activateApplication, deactivateApplication } from "@/lib/activations/activate";
import { decideVendorAccessRequest, requestSchoolRevocation } from "@/lib/access-requests/requests";

const idempotencyKey = z.string().uuid("Reload the page and try again.");

export const activateApplicationAction = districtAction(
  () => z.object({ applicationId: z.string().uuid(), mode: z.enum(["standard", "trial"]), idempotencyKey }),
  (admin, request) => activateApplication(admin, request),
);

export const deactivateApplicationAction = districtAction(
  () => z.object({ applicationId: z.string().uuid(), idempotencyKey }),
  (admin, request) => deactivateApplication(admin, request),
);

export const requestSchoolRevocationAction = districtAction(
  () => z.object({ applicationId: z.string().uuid(), orgId: z.string().uuid("Choose a school") }),
  (admin, request) => requestSchoolRevocation(admin, request),
);

export const decideVendorAccessRequestAction = districtAction(
  () => z.object({ requestId: z.string().uuid(), decision: z.enum(["approve", "deny"]) }),
  (admin, request) => decideVendorAccessRequest(admin, request),
);
