// `npm run seed:roster -- --district <guid> --students <n>`: replaces one district's roster
// with a generated one (creating the district when the GUID is unknown), for demos and load
// tests. Against DATABASE_URL, or else the embedded database in the data folder, started the
// way `npm start` starts it (stop a running `npm start` first: one server per folder).
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { replaceRoster } from "@/lib/roster/bulk-insert";
import { generateRoster, planRoster, type RosterOptions } from "@/lib/roster/generator";
import { ProgressBar } from "@/lib/roster/progress-bar";
import { ROSTER_ENTITIES } from "@/lib/roster/types";
import { isUuid } from "@/lib/uuid";
import { openCliDatabase, type CliDatabase } from "./start/cli-database";

const USAGE = `Usage: npm run seed:roster -- --district <districtGUID> --students <count>

Replaces the district's roster (orgs, sessions, courses, classes, users, enrollments,
demographics) with a generated one in one transaction. An unknown GUID creates the district
"Benchmark District <first 8 of the GUID>". The district's existing schools are kept as they
are; a district without schools gets schools sized for the student count.`;

const root = path.resolve(import.meta.dirname, "..");
let database: CliDatabase | undefined;

async function main() {
  const { districtGuid, students } = parseOptions();
  database = await openCliDatabase(root);

  const district = await db().district.upsert({
    where: { districtGuid },
    create: { districtGuid, name: `Benchmark District ${districtGuid.slice(0, 8)}`, state: "IL" },
    update: {},
  });
  const schools = (await db().org.findMany({ where: { districtId: district.id, type: "school" }, select: { sourcedId: true, name: true } })).sort((a, b) =>
    naturalOrder.compare(a.sourcedId, b.sourcedId),
  );
  const options: RosterOptions = { districtGuid, districtName: district.name, state: district.state, students, schools };
  const plan = planRoster(options);
  console.log(`${district.name} (${districtGuid}): ${students.toLocaleString("en-US")} students in ${plan.length} ${schools.length > 0 ? "existing" : "new"} schools`);

  const started = performance.now();
  const progress = new ProgressBar(process.stderr, students, "students");
  let studentsWritten = 0;
  const counts = await replaceRoster(district.id, generateRoster(options), {
    onProgress: (_, batch) => {
      if (batch.entity !== "users") return;
      studentsWritten += batch.rows.filter((user) => user.role === "student").length;
      progress.update(studentsWritten);
    },
  });
  progress.finish(studentsWritten);
  const seconds = (performance.now() - started) / 1000;

  const roles = await db().rosterUser.groupBy({ by: ["role"], where: { districtId: district.id }, _count: { _all: true }, orderBy: { role: "asc" } });
  const total = ROSTER_ENTITIES.reduce((sum, entity) => sum + counts[entity], 0);
  console.log("");
  for (const entity of ROSTER_ENTITIES) console.log(`  ${entity.padEnd(18)} ${counts[entity].toLocaleString("en-US").padStart(10)}`);
  console.log(`  ${"".padEnd(18)} ${"".padStart(10, "-")}`);
  console.log(`  ${"rows".padEnd(18)} ${total.toLocaleString("en-US").padStart(10)}`);
  console.log(`  users by role: ${roles.map((role) => `${role.role} ${role._count._all.toLocaleString("en-US")}`).join(", ")}`);
  console.log(`\nWritten in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en-US")} rows/s).`);
}

const naturalOrder = new Intl.Collator("en", { numeric: true });

function parseOptions(): { districtGuid: string; students: number } {
  const { values } = parseArgs({ options: { district: { type: "string" }, students: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const students = Number(values.students);
  if (!values.district || !isUuid(values.district) || !Number.isInteger(students) || students < 0 || students > 2_000_000) {
    console.error(`${USAGE}\n\n--district must be a GUID and --students a whole number up to 2,000,000.`);
    process.exit(2);
  }
  return { districtGuid: values.district.toLowerCase(), students };
}

main()
  .then(() => 0)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await database?.close();
    process.exit(code);
  });
