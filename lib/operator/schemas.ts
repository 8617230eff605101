// The operator console's forms: one schema each for the browser and the server action.
import { z } from "zod";

const name = (what: string, article = "A") =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}'s name`)
    .max(120, `${article} ${what}'s name can be at most 120 characters`)
    .refine((value) => !/\p{Cc}/u.test(value), `${article} ${what}'s name can't contain control characters`);

export const createVendorSchema = z.object({ name: name("vendor") });
export type CreateVendorInput = z.input<typeof createVendorSchema>;

export const createDistrictSchema = z.object({
  name: name("district"),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the state as two letters, e.g. IL"),
});
export type CreateDistrictInput = z.input<typeof createDistrictSchema>;

/** The person invited, as the invitation form asks for them (an admin of a tenant, or an operator). */
export const inviteeSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter their email address").email("Enter an email address like name@example.org"),
  name: z.string().trim().min(1, "Enter their name").max(120, "A name can be at most 120 characters"),
});
export type InviteeInput = z.input<typeof inviteeSchema>;

export const inviteAdminSchema = inviteeSchema.extend({ tenantId: z.string().uuid() });

export const operatorIdSchema = z.object({ operatorId: z.string().uuid() });

export const removeAdminSchema = z.object({ tenantId: z.string().uuid(), userId: z.string().uuid() });

export const invitationIdSchema = z.object({ invitationId: z.string().uuid() });

export const tenantIdSchema = z.object({ tenantId: z.string().uuid() });

export const autoProvisioningAvailableSchema = z.object({ tenantId: z.string().uuid(), available: z.boolean() });

export const addApplicationSchema = z.object({
  tenantId: z.string().uuid(),
  name: name("application", "An"),
  description: z.string().trim().max(500, "A description can be at most 500 characters"),
});
export type AddApplicationInput = z.input<typeof addApplicationSchema>;
