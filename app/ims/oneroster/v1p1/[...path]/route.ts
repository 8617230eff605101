// The OneRoster 1.1 Data API (read-only): every endpoint below /ims/oneroster/v1p1/.
import { handleOneRosterGet } from "@/lib/oneroster/handler";

export const GET = handleOneRosterGet;
