// Builds OneRoster 1.1 CSV zips for tests and benchmarks: from the demo roster generator
// (each file streamed into the zip as it is generated, so a district of 100,000 users is never
// held as CSV text), or from CSV text written by hand.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import yazl from "yazl";
import { generateRoster, type RosterOptions } from "@/lib/roster/generator";
import type { RosterEntity, RosterRows } from "@/lib/roster/types";

type Cell = string | number | boolean | null;

/** The columns of each file as OneRoster 1.1 orders them, and how a generated row fills them. */
const COLUMNS: { [E in RosterEntity]: [string, (row: RosterRows[E]) => Cell][] } = {
  orgs: [["name", (r) => r.name], ["type", (r) => r.type], ["identifier", (r) => r.identifier], ["parentSourcedId", (r) => r.parentSourcedId]],
  academicSessions: [
    ["title", (r) => r.title], ["type", (r) => r.type], ["startDate", (r) => r.startDate], ["endDate", (r) => r.endDate],
    ["parentSourcedId", (r) => r.parentSourcedId], ["schoolYear", (r) => r.schoolYear],
  ],
  courses: [
    ["schoolYearSourcedId", (r) => r.schoolYearSourcedId], ["title", (r) => r.title], ["courseCode", (r) => r.courseCode], ["grades", (r) => r.grades.join(",")],
    ["orgSourcedId", (r) => r.orgSourcedId], ["subjects", (r) => r.subjects.join(",")], ["subjectCodes", () => ""],
  ],
  classes: [
    ["title", (r) => r.title], ["grades", (r) => r.grades.join(",")], ["courseSourcedId", (r) => r.courseSourcedId], ["classCode", (r) => r.classCode],
    ["classType", (r) => r.classType], ["location", (r) => r.location], ["schoolSourcedId", (r) => r.schoolSourcedId], ["termSourcedIds", (r) => r.termSourcedIds.join(",")],
    ["subjects", (r) => r.subjects.join(",")], ["subjectCodes", () => ""], ["periods", (r) => r.periods.join(",")],
  ],
  users: [
    ["enabledUser", () => "true"], ["orgSourcedIds", (r) => r.orgSourcedIds.join(",")], ["role", (r) => r.role], ["username", (r) => r.username],
    ["userIds", (r) => r.userIds.map((id) => `{${id.type}:${id.identifier}}`).join(",")], ["givenName", (r) => r.givenName], ["familyName", (r) => r.familyName],
    ["middleName", (r) => r.middleName], ["identifier", (r) => r.identifier], ["email", (r) => r.email], ["sms", (r) => r.sms], ["phone", (r) => r.phone],
    ["agentSourcedIds", (r) => r.agentSourcedIds.join(",")], ["grades", (r) => r.grades.join(",")], ["password", () => ""],
  ],
  enrollments: [
    ["classSourcedId", (r) => r.classSourcedId], ["schoolSourcedId", (r) => r.schoolSourcedId], ["userSourcedId", (r) => r.userSourcedId], ["role", (r) => r.role],
    ["primary", (r) => String(r.primary)], ["beginDate", (r) => r.beginDate], ["endDate", (r) => r.endDate],
  ],
  demographics: [
    ["birthDate", (r) => r.birthDate], ["sex", (r) => r.sex], ["americanIndianOrAlaskaNative", (r) => String(r.americanIndianOrAlaskaNative)], ["asian", (r) => String(r.asian)],
    ["blackOrAfricanAmerican", (r) => String(r.blackOrAfricanAmerican)], ["nativeHawaiianOrOtherPacificIslander", (r) => String(r.nativeHawaiianOrOtherPacificIslander)],
    ["white", (r) => String(r.white)], ["demographicRaceTwoOrMoreRaces", (r) => String(r.demographicRaceTwoOrMoreRaces)],
    ["hispanicOrLatinoEthnicity", (r) => String(r.hispanicOrLatinoEthnicity)], ["countryOfBirthCode", (r) => r.countryOfBirthCode],
    ["stateOfBirthAbbreviation", (r) => r.stateOfBirthAbbreviation], ["cityOfBirth", () => ""], ["publicSchoolResidenceStatus", () => ""],
  ],
};

const FILES: RosterEntity[] = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments", "demographics"];

export type Mode = "bulk" | "delta" | "absent";

/** manifest.csv for the files given (every other OneRoster file absent). */
export function manifestCsv(modes: Partial<Record<string, Mode>>): string {
  const all = ["academicSessions", "categories", "classes", "classResources", "courses", "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users"];
  const lines = ["propertyName,value", "manifest.version,1.0", "oneroster.version,1.1", ...all.map((file) => `file.${file},${modes[file] ?? "absent"}`), "source.systemName,Rollcall tests"];
  return `${lines.join("\n")}\n`;
}

/** The header line of a file, as the generated zips write it. */
export function headerOf(entity: RosterEntity): string {
  return ["sourcedId", "status", "dateLastModified", ...COLUMNS[entity].map(([name]) => name)].join(",");
}

export type GeneratedZipOptions = RosterOptions & {
  /** Changes a generated row before it is written (return null to leave it out). */
  edit?: { [E in RosterEntity]?: (row: RosterRows[E]) => RosterRows[E] | null };
};

/** A bulk OneRoster 1.1 CSV zip of the roster generateRoster makes with these options. */
export function generatedOneRosterZip(options: GeneratedZipOptions): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(manifestCsv(Object.fromEntries(FILES.map((file) => [file, "bulk"])))), "manifest.csv");
  // Each file runs the (deterministic) generator again when the zip reaches it, and keeps only its own rows.
  for (const entity of FILES) zip.addReadStreamLazy(`${entity}.csv`, (callback) => callback(null, csvStream(entity, options)));
  zip.end();
  return collect(zip.outputStream);
}

function csvStream<E extends RosterEntity>(entity: E, options: GeneratedZipOptions): Readable {
  const columns = COLUMNS[entity] as [string, (row: RosterRows[E]) => Cell][];
  const edit = options.edit?.[entity] as ((row: RosterRows[E]) => RosterRows[E] | null) | undefined;
  function* records() {
    yield headerOf(entity).split(",");
    for (const batch of generateRoster(options)) {
      if (batch.entity !== entity) continue;
      for (const generated of batch.rows as RosterRows[E][]) {
        const row = edit ? edit(generated) : generated;
        if (row) yield [row.sourcedId, "", "", ...columns.map(([, value]) => value(row) ?? "")];
      }
    }
  }
  return Readable.from(records()).pipe(stringify());
}

/** A zip of the files given, by name (a name may hold a folder: "export/users.csv"). */
export function zipOf(files: Record<string, string | Buffer>, options: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, { compress: options.compress ?? true });
  zip.end();
  return collect(zip.outputStream);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
