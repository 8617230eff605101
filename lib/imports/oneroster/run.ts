// Reads a OneRoster 1.1 CSV zip file by file, in the order their references need (orgs and
// sessions before the courses and classes that point at them, users before enrollments),
// validates and matches every row, and, when writing, hands the rows to be written as it goes.
import { readCsvRows } from "@/lib/imports/csv";
import { emptyOutcomeCounts, ImportFileError, type FileCheck, type ImportIssue, type Outcome, type OutcomeCounts, type ProgressListener } from "@/lib/imports/types";
import { openZip, type ZipArchive, type ZipFileEntry } from "@/lib/imports/zip";
import { ENTITIES, ENTITY_NAMES, type Entity, type EntityName, type Field } from "@/lib/imports/oneroster/entities";
import { IssueLog } from "@/lib/imports/oneroster/issue-log";
import { MANIFEST, readManifest, type FileMode } from "@/lib/imports/oneroster/manifest";
import { fingerprint, loadRosterState, retirableSourcedIds, type Client } from "@/lib/imports/oneroster/roster-state";
import { rowReader, type ParsedRow } from "@/lib/imports/oneroster/rows";
import type { SourcedIdIndex } from "@/lib/imports/oneroster/sourced-index";
import { EntityWriter, type WriteContext } from "@/lib/imports/oneroster/writer";

/** The name the upload goes by in messages; the callers do not pass the file's own name. */
const UPLOAD = "The uploaded file";
const PROGRESS_EVERY = 1_000;

export type RunOptions = {
  /** Reads the roster through this client (the apply's transaction). */
  client: Client;
  districtId: string;
  /** Present when applying: the rows are written through it. */
  write?: WriteContext;
  onProgress?: ProgressListener;
  /** The upload's name, for messages about the whole file. */
  fileName?: string;
};

export async function runOneRosterZip(content: Buffer, options: RunOptions): Promise<FileCheck> {
  const archive = await openZip(content, options.fileName ?? UPLOAD);
  try {
    return await new ZipRun(archive, options).run();
  } finally {
    archive.close();
  }
}

class ZipRun {
  private readonly issues = new IssueLog();
  private readonly indexes = new Map<EntityName, SourcedIdIndex>();
  private readonly counts = emptyOutcomeCounts();
  private readonly countsByFile: Record<string, OutcomeCounts> = {};
  private rowsDone = 0;

  constructor(
    private readonly archive: ZipArchive,
    private readonly options: RunOptions,
  ) {}

  async run(): Promise<FileCheck> {
    const byName = new Map(this.archive.files.map((file) => [file.name, file]));
    const manifestFile = byName.get(MANIFEST);
    if (!manifestFile) {
      throw new ImportFileError(`${this.options.fileName ?? UPLOAD} has no ${MANIFEST}. A OneRoster 1.1 CSV zip holds manifest.csv beside orgs.csv, users.csv and the other files: export it again from your system.`, MANIFEST);
    }
    const manifest = await readManifest(this.archive.read(manifestFile), new Set(byName.keys()));
    manifest.warnings.forEach((warning) => this.issues.add(warning));
    for (const name of ENTITY_NAMES) {
      const mode = manifest.modes[name];
      if (mode) await this.runFile(ENTITIES[name], mode, byName.get(ENTITIES[name].file)!);
    }
    this.options.onProgress?.(this.rowsDone);
    const modes = Object.values(manifest.modes);
    return {
      format: "oneroster_csv",
      mode: modes.includes("bulk") ? "bulk" : "delta",
      rowsTotal: this.rowsDone,
      counts: this.counts,
      countsByFile: this.countsByFile,
      issues: this.issues.list(),
    };
  }

  /** The roster's rows of an entity, read once: fingerprinted over `fields` when the import carries its file. */
  private async indexOf(entity: Entity, fields: readonly Field[] | null): Promise<SourcedIdIndex> {
    const known = this.indexes.get(entity.name);
    if (known) return known;
    const index = await loadRosterState(this.options.client, this.options.districtId, entity, fields);
    this.indexes.set(entity.name, index);
    return index;
  }

  private async runFile(entity: Entity, mode: FileMode, file: ZipFileEntry): Promise<void> {
    const reader = rowReader(entity, mode);
    const counts = emptyOutcomeCounts();
    this.countsByFile[entity.file] = counts;
    const tally = (outcome: Outcome) => {
      counts[outcome]++;
      this.counts[outcome]++;
    };
    const warn = (message: string, line: number | null = null, column: string | null = null) => this.issues.add({ kind: "warning", file: entity.file, line, column, message });
    let passwords = false;
    const rows = readCsvRows(this.archive.read(file), entity.file, reader.columns, (header) => {
      reader.setHeader(header.columns);
      if (header.unknown.length > 0) warn(`Rollcall does not read the column${header.unknown.length > 1 ? "s" : ""} ${header.unknown.map((name) => `"${name}"`).join(", ")}; ${header.unknown.length > 1 ? "they were" : "it was"} ignored.`);
    });

    let matcher: RowMatcher | undefined;
    const prepare = async () => {
      const own = await this.indexOf(entity, reader.fields);
      const targets = new Map<EntityName, SourcedIdIndex>();
      for (const field of reader.fields) if (field.ref && field.ref !== entity.name) targets.set(field.ref, await this.indexOf(ENTITIES[field.ref], null));
      if (entity.name === "demographics") targets.set("users", await this.indexOf(ENTITIES.users, null));
      const writer = this.options.write ? new EntityWriter(this.options.write, entity, reader.fields) : undefined;
      return new RowMatcher(entity, reader.fields, own, targets, writer, (issue) => this.issues.add(issue));
    };

    for await (const row of rows) {
      matcher ??= await prepare();
      if (!passwords && (row.values.password ?? "") !== "") passwords = true;
      const rowIssues: ImportIssue[] = [];
      const parsed = reader.read(row, rowIssues);
      rowIssues.forEach((issue) => this.issues.add(issue));
      tally(await matcher.match(row.line, row.values.sourcedId ?? "", parsed));
      if (++this.rowsDone % PROGRESS_EVERY === 0) this.options.onProgress?.(this.rowsDone);
    }
    matcher ??= await prepare();
    if (passwords) warn("Rollcall does not keep passwords: the password column was ignored. Sign-in goes through the district's identity provider.", null, "password");
    for (const { line, column, sourcedId } of matcher.unresolvedSelfReferences()) {
      warn(`No ${entity.noun} '${sourcedId}' in ${entity.file} or in the roster; the reference was kept as written.`, line, column);
    }
    if (mode === "bulk") {
      // Checking only counts them; applying reads their sourcedIds from the roster again rather than keeping them all in memory.
      if (!this.options.write) for (let retired = matcher.own.countRetiredByBulk(); retired > 0; retired--) tally("deactivate");
      else for await (const sourcedId of retirableSourcedIds(this.options.client, this.options.districtId, entity)) if (matcher.own.retiredByBulk(sourcedId)) tally(await matcher.retire(sourcedId));
    }
    await matcher.flush();
  }
}

/** Holds each row of one file against the roster and the rows before it. */
class RowMatcher {
  private readonly pendingSelfReferences: { line: number; column: string; sourcedId: string }[] = [];
  private readonly references: { field: Field; position: number; index: SourcedIdIndex | null }[];

  constructor(
    private readonly entity: Entity,
    private readonly fields: readonly Field[],
    readonly own: SourcedIdIndex,
    private readonly targets: Map<EntityName, SourcedIdIndex>,
    private readonly writer: EntityWriter | undefined,
    private readonly report: (issue: ImportIssue) => void,
  ) {
    this.references = fields.flatMap((field, position) => (field.ref ? [{ field, position, index: field.ref === entity.name ? null : targets.get(field.ref)! }] : []));
  }

  async match(line: number, sourcedId: string, parsed: ParsedRow | null): Promise<Outcome> {
    const fail = (column: string, message: string) => this.report({ kind: "error", file: this.entity.file, line, column, message });
    const slot = sourcedId === "" ? undefined : this.own.get(sourcedId);
    if (slot !== undefined && this.own.seen(slot)) {
      fail("sourcedId", `Repeats sourcedId '${sourcedId}' from line ${this.own.line(slot)}; each ${this.entity.noun} must appear once.`);
      return "error";
    }
    let valid = parsed !== null;
    if (parsed && !parsed.deleted) valid = this.checkReferences(parsed, fail);
    if (sourcedId !== "") this.own.markSeen(sourcedId, line, valid);
    if (!parsed || !valid) return "error";

    const exists = slot !== undefined && this.own.exists(slot);
    if (parsed.deleted) return exists && this.own.active(slot) && !this.own.merged(slot) ? this.retire(sourcedId) : "unchanged";
    if (exists && this.own.merged(slot)) {
      this.report({ kind: "conflict", file: this.entity.file, line, column: "sourcedId", message: `'${sourcedId}' was merged into another person in Rollcall, so this row was not applied.` });
      return "conflict";
    }
    if (exists && this.own.active(slot) && this.own.hash(slot) === fingerprint(this.fields, parsed.values)) return "unchanged";
    await this.writer?.upsert(parsed);
    return exists ? "update" : "create";
  }

  async retire(sourcedId: string): Promise<Outcome> {
    await this.writer?.retire(sourcedId);
    return "deactivate";
  }

  *unresolvedSelfReferences(): Generator<{ line: number; column: string; sourcedId: string }> {
    for (const reference of this.pendingSelfReferences) if (!this.own.resolves(reference.sourcedId)) yield reference;
  }

  flush(): Promise<void> {
    return this.writer?.flush() ?? Promise.resolve();
  }

  private checkReferences(parsed: ParsedRow, fail: (column: string, message: string) => void): boolean {
    let valid = true;
    for (const { field, position, index } of this.references) {
      const value = parsed.values[position];
      const ids = Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
      const target = ENTITIES[field.ref!];
      for (const id of ids) {
        // The row a reference within the file points at may come later: looked at when the file ends.
        if (index === null) {
          if (!this.own.resolves(id)) this.pendingSelfReferences.push({ line: parsed.line, column: field.name, sourcedId: id });
        } else if (!index.resolves(id)) {
          fail(field.name, `No ${target.noun} '${id}' in ${target.file} or in the roster.`);
          valid = false;
        }
      }
    }
    if (this.entity.name === "demographics" && !this.targets.get("users")!.resolves(parsed.sourcedId)) {
      fail("sourcedId", `No user '${parsed.sourcedId}' in users.csv or in the roster: a demographics row belongs to the user with its sourcedId.`);
      valid = false;
    }
    return valid;
  }
}
