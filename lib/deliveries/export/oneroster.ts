// A district's roster as a OneRoster 1.1 CSV zip: manifest.csv and one file per entity the
// district has rows for. Bulk files hold the current (active) records; a delta holds every row
// changed since a date, with its status, so vendors see retirements. Each file is read in
// keyset-paged batches, written as CSV (csv-record.ts) into yazl and on to disk as the zip
// grows: memory does not depend on the district's size.
import path from "node:path";
import { Readable } from "node:stream";
import yazl from "yazl";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ExportedFile } from "@/lib/deliveries/types";
import { csvRecord } from "@/lib/deliveries/export/csv-record";
import { writeHashed } from "@/lib/deliveries/export/hashed-file";
import { keysetBatches } from "@/lib/deliveries/export/keyset";
import { cellsSql, headerOf, MANIFEST_FILES, ONEROSTER_FILES, ONEROSTER_TABLES, type OneRosterFile } from "@/lib/deliveries/export/oneroster-columns";

export type OneRosterExportOptions = { deltaSince?: Date | null; onProgress?: (rows: number) => void };
export type OneRosterExport = ExportedFile & { rowsByFile: Record<string, number> };

const sql = Prisma.sql;
const raw = Prisma.raw;

/**
 * Writes the district's OneRoster 1.1 CSV zip (manifest.csv + every file the district has rows
 * for; bulk, or with deltaSince only rows whose dateLastModified > deltaSince, manifest saying
 * delta) to `zipPath`, streaming.
 */
export async function exportOneRosterZip(districtId: string, zipPath: string, options: OneRosterExportOptions = {}): Promise<OneRosterExport> {
  const delta = options.deltaSince ?? null;
  const where = rowsWhere(districtId, delta);
  const files = await filesWithRows(where);

  const rowsByFile: Record<string, number> = {};
  let rows = 0;
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(manifestCsv(files, delta ? "delta" : "bulk")), "manifest.csv");
  for (const file of files) {
    const name = `${file}.csv`;
    rowsByFile[name] = 0;
    // Lazily: a file's query starts only when the zip reaches it.
    zip.addReadStreamLazy(name, (callback) =>
      callback(
        null,
        Readable.from(
          fileChunks(file, where, (count) => {
            rowsByFile[name]! += count;
            rows += count;
            options.onProgress?.(rows);
          }),
        ),
      ),
    );
  }
  zip.end();
  const written = await writeHashed(zip.outputStream as Readable, zipPath);
  return { name: path.basename(zipPath), path: zipPath, rows, ...written, rowsByFile };
}

/** The rows an export holds: the current ones for bulk, every changed one (any status) for a delta. */
function rowsWhere(districtId: string, deltaSince: Date | null): Prisma.Sql {
  const district = sql`t."districtId" = ${districtId}::uuid`;
  if (!deltaSince) return sql`${district} AND t."status" = 'active'`;
  // dateLastModified is a timestamp without time zone holding UTC.
  return sql`${district} AND t."dateLastModified" > (${deltaSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

async function filesWithRows(where: Prisma.Sql): Promise<OneRosterFile[]> {
  const found = await Promise.all(
    ONEROSTER_FILES.map(async (file) => {
      const [row] = await db().$queryRaw<{ found: boolean }[]>(sql`SELECT EXISTS (SELECT 1 FROM ${table(file)} AS t WHERE ${where}) AS found`);
      return row?.found ? file : null;
    }),
  );
  return found.filter((file): file is OneRosterFile => file !== null);
}

export function manifestCsv(files: readonly OneRosterFile[], mode: "bulk" | "delta"): string {
  const lines = [
    "propertyName,value",
    "manifest.version,1.0",
    "oneroster.version,1.1",
    ...MANIFEST_FILES.map((file) => `file.${file},${(files as readonly string[]).includes(file) ? mode : "absent"}`),
    "source.systemName,Rollcall",
  ];
  return `${lines.join("\n")}\n`;
}

async function* fileChunks(file: OneRosterFile, where: Prisma.Sql, onRows: (count: number) => void): AsyncGenerator<Buffer> {
  yield Buffer.from(csvRecord(headerOf(file)));
  const cells = raw(cellsSql(file));
  const select = (after: string | null, size: number) => sql`
    SELECT t."sourcedId" AS k, ${cells} AS cells FROM ${table(file)} AS t
    WHERE ${where} ${after === null ? sql`` : sql`AND t."sourcedId" > ${after}`}
    ORDER BY t."sourcedId" LIMIT ${size}`;
  for await (const batch of keysetBatches(select)) {
    if (batch.length === 0) continue;
    let text = "";
    for (const cells of batch) text += csvRecord(cells as string[]);
    yield Buffer.from(text);
    onRows(batch.length);
  }
}

function table(file: OneRosterFile): Prisma.Sql {
  return raw(`"${ONEROSTER_TABLES[file].table}"`);
}
