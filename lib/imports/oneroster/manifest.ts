// manifest.csv of a OneRoster 1.1 CSV zip: its versions, and for each file whether it is a
// bulk file (the whole of that data), a delta (changes only), or absent.
import { readCsvRows } from "@/lib/imports/csv";
import { ImportFileError, type ImportIssue } from "@/lib/imports/types";
import { ENTITIES, ENTITY_NAMES, IGNORED_FILES, type EntityName } from "@/lib/imports/oneroster/entities";

export const MANIFEST = "manifest.csv";

export type FileMode = "bulk" | "delta";

export type Manifest = {
  /** The files to process and how; a file the manifest calls absent is not listed. */
  modes: Partial<Record<EntityName, FileMode>>;
  warnings: ImportIssue[];
};

const FILE_NAMES = [...ENTITY_NAMES.map((name) => ENTITIES[name].file), ...Object.keys(IGNORED_FILES)];

/**
 * Reads the manifest and holds it against the files in the zip: a file it lists as bulk or delta
 * must be there, and a data file in the zip must be listed.
 */
export async function readManifest(content: AsyncIterable<Buffer>, filesInZip: ReadonlySet<string>): Promise<Manifest> {
  const properties = new Map<string, { value: string; line: number }>();
  for await (const row of readCsvRows(content, MANIFEST, { required: ["propertyName", "value"], known: ["propertyName", "value"] })) {
    const name = row.values.propertyName ?? "";
    if (name !== "") properties.set(name, { value: row.values.value ?? "", line: row.line });
  }
  const version = (name: string, expected: string) => {
    const found = properties.get(name);
    if (found?.value !== expected) {
      const said = found ? `says ${name} is '${found.value}'` : `has no ${name} line`;
      throw new ImportFileError(`${MANIFEST} ${said}, but Rollcall reads OneRoster 1.1 CSV (manifest.version 1.0, oneroster.version 1.1). Export OneRoster 1.1 CSV from your system.`, MANIFEST);
    }
  };
  version("manifest.version", "1.0");
  version("oneroster.version", "1.1");

  const modes: Manifest["modes"] = {};
  const warnings: ImportIssue[] = [];
  for (const file of FILE_NAMES) {
    const key = `file.${file.replace(/\.csv$/, "")}`;
    const entry = properties.get(key);
    const mode = entry?.value.toLowerCase();
    if (entry && mode !== "bulk" && mode !== "delta" && mode !== "absent") {
      throw new ImportFileError(`${MANIFEST}, line ${entry.line}: ${key} is '${entry.value}'; it must be bulk, delta or absent.`, MANIFEST);
    }
    const inZip = filesInZip.has(file);
    if ((mode === "bulk" || mode === "delta") && !inZip) {
      throw new ImportFileError(`${MANIFEST} lists ${file} as ${mode}, but the zip has no ${file}. Add the file to the zip, or set ${key} to absent.`, MANIFEST);
    }
    if (!entry && inZip) {
      throw new ImportFileError(`${file} is in the zip but ${MANIFEST} does not list it. Add a line "${key},bulk" (or delta) to ${MANIFEST}, or take the file out.`, MANIFEST);
    }
    if (!inZip || mode === "absent") {
      if (inZip) warnings.push(warning(file, `${MANIFEST} marks ${file} as absent, so it was not read.`));
      continue;
    }
    if (file in IGNORED_FILES) {
      warnings.push(warning(file, `Rollcall does not keep ${IGNORED_FILES[file]}; ${file} was not read.`));
      continue;
    }
    const entity = ENTITY_NAMES.find((name) => ENTITIES[name].file === file)!;
    modes[entity] = mode as FileMode;
  }
  for (const file of filesInZip) {
    if (file !== MANIFEST && !FILE_NAMES.includes(file)) warnings.push(warning(file, `${file} is not a OneRoster 1.1 file; it was not read.`));
  }
  if (Object.keys(modes).length === 0) {
    throw new ImportFileError(`${MANIFEST} lists no file to import: set file.users (and the other files you send) to bulk or delta.`, MANIFEST);
  }
  return { modes, warnings };
}

const warning = (file: string, message: string): ImportIssue => ({ kind: "warning", file, line: null, column: null, message });
