// What the district's roster already holds of one entity, read page by page into a
// SourcedIdIndex: each row's status and a fingerprint of the columns the file carries, so a
// row of the file is known to create, update or leave its record unchanged without keeping
// the records themselves in memory.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Entity, Field } from "@/lib/imports/oneroster/entities";
import type { FieldValue } from "@/lib/imports/oneroster/rows";
import { SourcedIdIndex } from "@/lib/imports/oneroster/sourced-index";
import type { UserId } from "@/lib/imports/oneroster/values";

export type Client = PrismaClient | Prisma.TransactionClient;

const PAGE = 20_000;

/**
 * A 48-bit fingerprint of a row's values: the same values give the same number, whether they
 * come from the file or the database (a changed row goes unnoticed once in 2^48).
 */
export function fingerprint(fields: readonly Field[], values: readonly FieldValue[]): number {
  const canonical = fields.map((field, index) => canonicalValue(field, values[index] ?? null));
  return createHash("sha1").update(JSON.stringify(canonical)).digest().readUIntLE(0, 6);
}

function canonicalValue(field: Field, value: unknown): unknown {
  switch (field.kind.type) {
    case "list":
    case "grades":
      return value ?? [];
    case "userIds":
      return ((value ?? []) as UserId[]).map((id) => [id.type, id.identifier]);
    default:
      return value;
  }
}

type StateRow = { sourcedId: string; active: boolean; retirable: boolean; merged: boolean; content: string };

/**
 * Reads every row of the entity in the district. `fields` are the columns to fingerprint (the
 * file's); null reads only the sourcedIds, for an entity the import only refers to.
 */
export async function loadRosterState(client: Client, districtId: string, entity: Entity, fields: readonly Field[] | null): Promise<SourcedIdIndex> {
  const index = new SourcedIdIndex();
  const content = fields && fields.length > 0 ? `json_build_array(${fields.map((field) => `"${field.name}"`).join(", ")})::text` : "'[]'";
  const isUsers = entity.table === "RosterUser";
  const retirable = retirableCondition(entity);
  const merged = isUsers ? `"mergedIntoId" IS NOT NULL` : "false";
  const sql = `SELECT "sourcedId", "status" = 'active' AS active, ${retirable} AS retirable, ${merged} AS merged, ${content} AS content
    FROM "${entity.table}" WHERE "districtId" = $1::uuid AND "sourcedId" > $2 ORDER BY "sourcedId" LIMIT ${PAGE}`;
  let after = "";
  for (;;) {
    const rows = await client.$queryRawUnsafe<StateRow[]>(sql, districtId, after);
    for (const row of rows) {
      const hash = fields ? fingerprint(fields, JSON.parse(row.content) as FieldValue[]) : 0;
      index.addExisting(row.sourcedId, { active: row.active, retirable: row.retirable, merged: row.merged, hash });
    }
    if (rows.length < PAGE) return index;
    after = rows.at(-1)!.sourcedId;
  }
}

/** Only people this way in created are retired by a bulk users file (never SCIM's, a spreadsheet's, …). */
function retirableCondition(entity: Entity): string {
  return entity.table === "RosterUser" ? `"source" = 'oneroster_csv'` : "true";
}

/** The sourcedIds of the active rows a bulk file of the entity may retire, page by page. */
export async function* retirableSourcedIds(client: Client, districtId: string, entity: Entity): AsyncGenerator<string> {
  const sql = `SELECT "sourcedId" FROM "${entity.table}" WHERE "districtId" = $1::uuid AND "status" = 'active' AND ${retirableCondition(entity)} AND "sourcedId" > $2
    ORDER BY "sourcedId" LIMIT ${PAGE}`;
  let after = "";
  for (;;) {
    const rows = await client.$queryRawUnsafe<{ sourcedId: string }[]>(sql, districtId, after);
    for (const row of rows) yield row.sourcedId;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.sourcedId;
  }
}
