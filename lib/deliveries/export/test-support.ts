// Helpers for the export tests: a district with a generated roster, and an exported zip's files as rows.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { openZip } from "@/lib/imports/zip";
import { replaceRoster } from "@/lib/roster/bulk-insert";
import { generateRoster } from "@/lib/roster/generator";

export async function generatedDistrict(students: number, name = "Maplewood Public Schools") {
  const district = await db().district.create({ data: { name, state: "OR", districtGuid: randomUUID() } });
  await replaceRoster(district.id, generateRoster({ districtGuid: district.districtGuid, districtName: name, state: "OR", students }));
  return district;
}

export async function emptyDistrict(name = "Empty District") {
  return db().district.create({ data: { name, state: "OR", districtGuid: randomUUID() } });
}

/** Each file of the zip as its CSV rows (header first). */
export async function zipFiles(zipPath: string): Promise<Record<string, string[][]>> {
  const zip = await openZip(await readFile(zipPath), "export.zip");
  try {
    const files: Record<string, string[][]> = {};
    for (const file of zip.files) {
      const chunks: Buffer[] = [];
      for await (const chunk of zip.read(file)) chunks.push(chunk);
      files[file.name] = parse(Buffer.concat(chunks).toString("utf8")) as string[][];
    }
    return files;
  } finally {
    zip.close();
  }
}
