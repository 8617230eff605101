// One import into a district at a time, whichever way it came in: two files (or API calls)
// never plan against each other's half-written rows. Held until the transaction ends.
import type { Prisma } from "@/generated/prisma/client";

export async function lockDistrictRoster(tx: Prisma.TransactionClient, districtId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rollcall.roster-import'), hashtext(${districtId}))`;
}
