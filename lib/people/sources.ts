// The ways people enter a district's roster, in the words the People pages use, and which way
// in last set each of a person's fields.
import type { PersonSource } from "@/generated/prisma/client";

export const PERSON_SOURCES = ["scim", "oneroster_csv", "spreadsheet", "api", "sso", "generated"] as const satisfies readonly PersonSource[];

export const SOURCE_LABELS: Record<PersonSource, string> = {
  scim: "Identity provider (SCIM)",
  oneroster_csv: "OneRoster file",
  spreadsheet: "Spreadsheet",
  api: "Upsert API",
  sso: "Single sign-on",
  generated: "Generated demo data",
};

export function isPersonSource(value: unknown): value is PersonSource {
  return typeof value === "string" && (PERSON_SOURCES as readonly string[]).includes(value);
}

/** `fieldSources` as stored: only entries naming a known way in are kept. */
export function parseFieldSources(value: unknown): Partial<Record<string, PersonSource>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, source]) => isPersonSource(source)));
}

/** The way in that last set a field: the one recorded for it, else the one that created the person. */
export function sourceOfField(person: { source: PersonSource; fieldSources: unknown }, field: string): PersonSource {
  return parseFieldSources(person.fieldSources)[field] ?? person.source;
}
