// Wraps a server action: authenticate, authorise by role, validate with the form's own
// schema, then run the domain call as the signed-in user (the actor of its audit events). Server actions are public endpoints, so no action may
// skip this.
import type { z } from "zod";
import { GENERIC_ERROR, UserFacingError, type ActionResult } from "@/lib/actions/result";
import { withAuditContext } from "@/lib/audit/context";
import { requestIp } from "@/lib/audit/record";
import { isDistrictAdmin, isOperator, isVendorAdmin, type DistrictAdmin, type Operator, type VendorAdmin } from "@/lib/auth/guards";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

const AUTHORISED = Symbol.for("rollcall.authorised-action");

/** True for functions made by one of the authorising wrappers (checked for every "use server" export). */
export function isAuthorisedAction(value: unknown): boolean {
  return typeof value === "function" && AUTHORISED in value;
}

type Role<Admin extends SessionUser> = { is: (user: SessionUser) => user is Admin; refusal: string };

const VENDOR_ADMIN: Role<VendorAdmin> = { is: isVendorAdmin, refusal: "Only vendor admins can change this." };
const DISTRICT_ADMIN: Role<DistrictAdmin> = { is: isDistrictAdmin, refusal: "Only district admins can change this." };
const OPERATOR: Role<Operator> = { is: isOperator, refusal: "Only Rollcall operators can change this." };

export function vendorAction<Schema extends z.ZodType, T>(
  schema: () => Schema,
  handler: (admin: VendorAdmin, input: z.output<Schema>) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return authorisedAction(VENDOR_ADMIN, schema, handler);
}

export function districtAction<Schema extends z.ZodType, T>(
  schema: () => Schema,
  handler: (admin: DistrictAdmin, input: z.output<Schema>) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return authorisedAction(DISTRICT_ADMIN, schema, handler);
}

export function operatorAction<Schema extends z.ZodType, T>(
  schema: () => Schema,
  handler: (operator: Operator, input: z.output<Schema>) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return authorisedAction(OPERATOR, schema, handler);
}

function authorisedAction<Admin extends SessionUser, Schema extends z.ZodType, T>(
  role: Role<Admin>,
  schema: () => Schema,
  handler: (admin: Admin, input: z.output<Schema>) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  const action = async (input: z.input<Schema>): Promise<ActionResult<T>> => {
    try {
      const user = await getSessionUser();
      if (!user) return { ok: false, formError: "Your session has ended. Sign in again, then retry." };
      if (!role.is(user)) return { ok: false, formError: role.refusal };

      const parsed = schema().safeParse(input);
      if (!parsed.success) {
        return { ok: false, formError: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const actor = { userId: user.id, email: user.email, role: user.role };
      const data = await withAuditContext({ actor, ip: await requestIp() }, () => handler(user, parsed.data));
      return { ok: true, data };
    } catch (error) {
      if (error instanceof UserFacingError) {
        return { ok: false, formError: error.message, ...error.details };
      }
      console.error("Server action failed", error);
      return { ok: false, formError: GENERIC_ERROR };
    }
  };
  return Object.assign(action, { [AUTHORISED]: true });
}

/** First message per field, keyed by react-hook-form's dotted path ("headers.0.name"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    fieldErrors[path] ??= issue.message;
  }
  return fieldErrors;
}
