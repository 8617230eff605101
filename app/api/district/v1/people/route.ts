// The people upsert API for districts' own systems (a district API token as Bearer).
import { handlePeopleUpsert } from "@/lib/district-api/people";

export function POST(request: Request) {
  return handlePeopleUpsert(request);
}
