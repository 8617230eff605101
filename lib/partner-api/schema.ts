// The "Create API key" form: one schema for the browser and the server action.
import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the system that will use it, e.g. “Production sync”")
    .max(60, "A key's name can be at most 60 characters")
    .refine((name) => !/\p{Cc}/u.test(name), "A key's name can't contain control characters"),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
