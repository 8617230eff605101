// The "Create token" form on the Imports page's API tokens tab: one schema for the browser and the server action.
import { z } from "zod";

export const createDistrictApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after the system that will use it, e.g. “Student information system nightly sync”")
    .max(60, "A token's name can be at most 60 characters")
    .refine((name) => !/\p{Cc}/u.test(name), "A token's name can't contain control characters"),
});

export type CreateDistrictApiTokenInput = z.input<typeof createDistrictApiTokenSchema>;
