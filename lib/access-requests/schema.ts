// The "Request access to a district" form: the browser validates with this schema, and the
// server action parses the same fields again with the same messages.
import { z } from "zod";

export const requestDistrictAccessSchema = z.object({
  applicationId: z.string().uuid(),
  districtId: z.string().uuid("Choose a district"),
});

export type RequestDistrictAccessInput = z.input<typeof requestDistrictAccessSchema>;
