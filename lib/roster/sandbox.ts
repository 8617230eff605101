// The sandbox district every instance has: the district that Test Webhook names, whose
// small generated roster vendors can read before any real district activates them.
import { db } from "@/lib/db";
import { writeRoster } from "@/lib/roster/bulk-insert";
import { generateRoster } from "@/lib/roster/generator";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";

const SANDBOX_STUDENTS = 300;
const SANDBOX_SCHOOLS = [
  { sourcedId: "school-1", name: "Sandbox Elementary School" },
  { sourcedId: "school-2", name: "Sandbox Secondary School" },
];

export type SandboxDistrict = { id: string; districtGuid: string };

/** The sandbox District row, created with its roster on first call; one query once it exists. */
export async function ensureSandboxDistrict(): Promise<SandboxDistrict> {
  const existing = await findSandbox(db());
  if (existing) return existing;

  return db().$transaction(
    async (tx) => {
      // Concurrent first calls queue here; all but the first find the district made.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('rollcall:sandbox-district', 0))`;
      const made = await findSandbox(tx);
      if (made) return made;
      const district = await tx.district.create({
        data: { districtGuid: SANDBOX_DISTRICT.guid, name: SANDBOX_DISTRICT.name, state: SANDBOX_DISTRICT.state, sandbox: true },
        select: { id: true, districtGuid: true },
      });
      const roster = generateRoster({
        districtGuid: SANDBOX_DISTRICT.guid,
        districtName: SANDBOX_DISTRICT.name,
        state: SANDBOX_DISTRICT.state,
        students: SANDBOX_STUDENTS,
        schools: SANDBOX_SCHOOLS,
      });
      await writeRoster(tx, district.id, roster);
      return district;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

type Reader = Pick<ReturnType<typeof db>, "district">;

function findSandbox(client: Reader): Promise<SandboxDistrict | null> {
  return client.district.findUnique({ where: { districtGuid: SANDBOX_DISTRICT.guid }, select: { id: true, districtGuid: true } });
}
