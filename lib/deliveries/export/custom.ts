// A district's file in a vendor's custom CSV format, and its preview from the sandbox
// district. Rows are read in keyset-paged batches with the format's filters in SQL, each
// cell written by the same pure functions (custom-format/write.ts) in export and preview.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { catalogField, type CatalogField } from "@/lib/deliveries/custom-format/catalog";
import { csvLine, encodeText, formatCell } from "@/lib/deliveries/custom-format/write";
import { customQuery, type CustomQuery } from "@/lib/deliveries/export/custom-columns";
import { writeHashed } from "@/lib/deliveries/export/hashed-file";
import { keysetBatches, readBatch } from "@/lib/deliveries/export/keyset";
import type { CustomFormat, ExportedFile } from "@/lib/deliveries/types";
import { neutraliseFormula } from "@/lib/imports/error-report";
import { ensureSandboxDistrict } from "@/lib/roster/sandbox";

const sql = Prisma.sql;

/** The name of the file for a delivery: fileName with {date} replaced (YYYY-MM-DD, UTC). */
export function deliveryFileName(format: Pick<CustomFormat, "fileName">, date: Date): string {
  return format.fileName.replaceAll("{date}", date.toISOString().slice(0, 10));
}

/** Writes the district's file in a custom format to `filePath`, streaming, with the format's filters applied in SQL. */
export async function exportCustomCsv(districtId: string, format: CustomFormat, filePath: string, options: { onProgress?: (rows: number) => void } = {}): Promise<ExportedFile> {
  const query = customQuery(districtId, format);
  const kinds = kindsOf(format);
  let rows = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    yield encodeText(csvLine(headerOf(format), format), format.encoding, true);
    for await (const batch of keysetBatches((after, size) => selectRows(query, after, size))) {
      if (batch.length === 0) continue;
      let text = "";
      for (const row of batch) text += csvLine(cellsOf(row, kinds, format), format);
      yield encodeText(text, format.encoding, false);
      rows += batch.length;
      options.onProgress?.(rows);
    }
  }
  const written = await writeHashed(chunks(), filePath);
  return { name: deliveryFileName(format, new Date()), path: filePath, rows, ...written };
}

export type CustomFormatPreview = { header: string[]; rows: string[][]; text: string; totalRows: number | null };

/**
 * The first `limit` (default 20) rows of the format, from the sandbox district, as header and
 * cells (as a spreadsheet shows them) and as the exact file text (before encoding).
 */
export async function previewCustomFormat(format: CustomFormat, limit = 20): Promise<CustomFormatPreview> {
  const sandbox = await ensureSandboxDistrict();
  const query = customQuery(sandbox.id, format);
  const kinds = kindsOf(format);
  const [found, [count]] = await Promise.all([
    readBatch(selectRows(query, null, limit)),
    db().$queryRaw<{ count: number }[]>(sql`SELECT count(*)::int AS count FROM ${query.from} WHERE ${query.where}`),
  ]);
  const header = headerOf(format);
  const cells = found.rows.map((row) => cellsOf(row, kinds, format));
  const text = [header, ...cells].map((line) => csvLine(line, format)).join("");
  // The cells as the file holds them once read back: formula-leading ones escaped.
  const rows = cells.map((line) => line.map(neutraliseFormula));
  return { header, rows, text, totalRows: count?.count ?? null };
}

function selectRows(query: CustomQuery, after: string | null, size: number): Prisma.Sql {
  return sql`
    SELECT t."sourcedId" AS k, ${query.cells} AS cells FROM ${query.from}
    WHERE ${query.where} ${after === null ? sql`` : sql`AND t."sourcedId" > ${after}`}
    ORDER BY t."sourcedId" LIMIT ${size}`;
}

function headerOf(format: CustomFormat): string[] {
  return format.columns.map((column) => column.header);
}

function kindsOf(format: CustomFormat): CatalogField["kind"][] {
  return format.columns.map((column) => catalogField(format.entity, column.field)?.kind ?? "text");
}

function cellsOf(values: readonly unknown[], kinds: CatalogField["kind"][], format: CustomFormat): string[] {
  return kinds.map((kind, index) => formatCell(values[index], kind, format));
}
