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

export const inviteAdminSchema = z.object({
  tenantId: z.string().uuid(),
  email: z.string().trim().toLowerCase().min(1, "Enter the new admin's email address").email("Enter an email address like name@example.org"),
  name: z.string().trim().min(1, "Enter the new admin's name").max(120, "A name can be at most 120 characters"),
});
export type InviteAdminInput = z.input<typeof inviteAdminSchema>;

export const tenantIdSchema = z.object({ tenantId: z.string().uuid() });

export const autoProvisioningAvailableSchema = z.object({ tenantId: z.string().uuid(), available: z.boolean() });

export const addApplicationSchema = z.object({
  tenantId: z.string().uuid(),
  name: name("application", "An"),
  description: z.string().trim().max(500, "A description can be at most 500 characters"),
});
export type AddApplicationInput = z.input<typeof addApplicationSchema>;
