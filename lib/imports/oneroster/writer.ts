// Writes one file's rows in batches: `INSERT … SELECT unnest(…) ON CONFLICT ("districtId",
// "sourcedId") DO UPDATE` with one array parameter per column (values never enter the SQL
// text), and retires records with one UPDATE per batch of sourcedIds. A column the file lacks
// is left as it is on existing records and empty on new ones.
import type { Entity, Field } from "@/lib/imports/oneroster/entities";
import type { Client } from "@/lib/imports/oneroster/roster-state";
import { blankValue, type FieldValue, type ParsedRow } from "@/lib/imports/oneroster/rows";
import type { UserId } from "@/lib/imports/oneroster/values";
import { arrayLiteral } from "@/lib/roster/bulk-insert";

// Small enough that a batch's rows are collected young rather than piling up in the old generation.
const BATCH = 1_000;

/** How the import writes: in the caller's transaction, with one time for every change it makes. */
export type WriteContext = { tx: Client; districtId: string; now: Date; newId: string };

export class EntityWriter {
  private rows: ParsedRow[] = [];
  private retired: string[] = [];
  private pending: Promise<unknown> = Promise.resolve();
  private readonly upsertSql: string;
  private readonly positions: number[];

  constructor(
    private readonly context: WriteContext,
    private readonly entity: Entity,
    /** The columns the file has, in the order of each row's values. */
    present: readonly Field[],
  ) {
    this.positions = entity.fields.map((field) => present.indexOf(field));
    this.upsertSql = upsertStatement(entity, present, context.newId);
  }

  async upsert(row: ParsedRow): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= BATCH) await this.sendRows();
  }

  async retire(sourcedId: string): Promise<void> {
    this.retired.push(sourcedId);
    if (this.retired.length >= BATCH) await this.sendRetired();
  }

  async flush(): Promise<void> {
    if (this.rows.length > 0) await this.sendRows();
    if (this.retired.length > 0) await this.sendRetired();
    await this.pending;
  }

  /** The next batch is read and checked while the database writes this one. */
  private async send(statement: () => Promise<unknown>): Promise<void> {
    await this.pending;
    this.pending = statement();
    // Awaited on the next send; this only keeps a failure from counting as unhandled meanwhile.
    this.pending.catch(() => undefined);
  }

  private sendRows(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    const { districtId, now } = this.context;
    const parameters = [
      arrayLiteral(rows.map((row) => row.sourcedId)),
      ...this.entity.fields.flatMap((field, index) => {
        const position = this.positions[index]!;
        return position === -1 ? [] : [arrayLiteral(rows.map((row) => encode(field, row.values[position] ?? blankValue(field))))];
      }),
    ];
    return this.send(() => this.context.tx.$executeRawUnsafe(this.upsertSql, districtId, now.toISOString(), ...parameters));
  }

  private sendRetired(): Promise<void> {
    const ids = this.retired;
    this.retired = [];
    const { districtId, now } = this.context;
    return this.send(() =>
      this.context.tx.$executeRawUnsafe(
        `UPDATE "${this.entity.table}" SET "status" = 'tobedeleted', "dateLastModified" = ($2::timestamptz AT TIME ZONE 'UTC')
         WHERE "districtId" = $1::uuid AND "sourcedId" = ANY($3::text[]) AND "status" = 'active'`,
        districtId,
        now.toISOString(),
        arrayLiteral(ids),
      ),
    );
  }
}

function upsertStatement(entity: Entity, present: readonly Field[], newId: string): string {
  const isUsers = entity.table === "RosterUser";
  const unnested = ["unnest($3::text[]) AS c0"];
  const values = ["c0"];
  entity.fields.forEach((field) => {
    if (!present.includes(field)) {
      values.push(`${sqlDefault(field)}::${castOf(field)}`);
      return;
    }
    const alias = `c${unnested.length}`;
    unnested.push(`unnest($${unnested.length + 3}::${field.kind.type === "boolean" ? "boolean" : "text"}[]) AS ${alias}`);
    values.push(field.kind.type === "boolean" ? alias : `${alias}::${castOf(field)}`);
  });
  const columns = ['"sourcedId"', ...entity.fields.map((field) => `"${field.name}"`)];
  const updates = present.map((field) => `"${field.name}" = EXCLUDED."${field.name}"`);
  if (isUsers) {
    // A person another way in brought keeps its source; the fields this import changed say where they came from.
    // An empty list and a list never set (NULL) are the same to a person reading the record.
    const current = (field: Field) => (castOf(field) === "text[]" ? `coalesce(t."${field.name}", '{}')` : `t."${field.name}"`);
    const changed = present.map((field) => `'${field.name}', CASE WHEN EXCLUDED."${field.name}" IS DISTINCT FROM ${current(field)} THEN 'oneroster_csv' END`);
    updates.push(
      `"fieldSources" = CASE WHEN t."source" = 'oneroster_csv' THEN t."fieldSources" ELSE t."fieldSources" || jsonb_strip_nulls(jsonb_build_object(${changed.join(", ")})) END`,
    );
  }
  return `INSERT INTO "${entity.table}" AS t ("id", "districtId", "status", "dateLastModified"${isUsers ? ', "source"' : ""}, ${columns.join(", ")})
    SELECT ${newId}, $1::uuid, 'active', ($2::timestamptz AT TIME ZONE 'UTC')${isUsers ? ", 'oneroster_csv'" : ""}, ${values.join(", ")}
    FROM (SELECT ${unnested.join(", ")}) AS batch
    ON CONFLICT ("districtId", "sourcedId") DO UPDATE SET "status" = 'active', "dateLastModified" = EXCLUDED."dateLastModified"${updates.map((update) => `, ${update}`).join("")}`;
}

function castOf(field: Field): string {
  switch (field.kind.type) {
    case "date":
      return "date";
    case "boolean":
      return "boolean";
    case "list":
    case "grades":
      return "text[]";
    case "userIds":
      return "jsonb";
    case "enum":
      return `"${field.kind.pgType}"`;
    default:
      return "text";
  }
}

function sqlDefault(field: Field): string {
  const value = blankValue(field);
  if (Array.isArray(value)) return field.kind.type === "userIds" ? "'[]'" : "'{}'";
  if (typeof value === "boolean") return String(value);
  return "NULL";
}

/** A value as one element of its column's array parameter. */
function encode(field: Field, value: FieldValue): string | boolean | null {
  if (field.kind.type === "userIds") return JSON.stringify(value as UserId[]);
  if (Array.isArray(value)) return arrayLiteral(value as string[]);
  return value as string | boolean | null;
}
