// The "Create token" form on the Identity sync page: one schema for the browser and the server action.
import { z } from "zod";

export const createScimTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after the identity provider that will use it, e.g. “Microsoft Entra ID”")
    .max(60, "A token's name can be at most 60 characters")
    .refine((name) => !/\p{Cc}/u.test(name), "A token's name can't contain control characters"),
});

export type CreateScimTokenInput = z.input<typeof createScimTokenSchema>;
