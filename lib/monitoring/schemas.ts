// The Monitoring page's forms: one schema each for the browser and the server action.
import { z } from "zod";

export const createOperatorTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after the monitoring system that will use it, e.g. “Prometheus”")
    .max(60, "A token's name can be at most 60 characters")
    .refine((name) => !/\p{Cc}/u.test(name), "A token's name can't contain control characters"),
});

export type CreateOperatorTokenInput = z.input<typeof createOperatorTokenSchema>;

export const revokeOperatorTokenSchema = z.object({ tokenId: z.string().uuid() });
