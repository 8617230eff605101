// The upsert API's request body: one person object, or `{ "people": [...] }` with 1 to 1,000 of
// them. The body's shape is all-or-nothing (a 400 or 413); each person is checked on its own, so
// one bad item is reported beside the others' results instead of refusing the request.
import { z } from "zod";
import { PERSON_COLUMNS, type PersonValues } from "@/lib/imports/people/columns";

export const MAX_PEOPLE_PER_REQUEST = 1_000;
/** Refused before parsing: 1,000 people with every property take about 400 KB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What happened to each item, as the API answers it (a deactivation is an update). */
export const ITEM_OUTCOMES = ["created", "updated", "unchanged", "conflict", "error"] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The people template's columns as JSON properties, and `status` (active or inactive). */
export const PERSON_PROPERTIES = [...PERSON_COLUMNS, "status"] as const;

export type ItemError = { field: string | null; message: string };

/** A person that passed this layer's checks, or the reasons it did not. */
export type CheckedItem = { ok: true; values: PersonValues } | { ok: false; errors: ItemError[] };

export type ParsedPeopleRequest =
  | { ok: true; items: CheckedItem[] }
  | { ok: false; status: 400 | 413; code: "invalid_body" | "too_many_people"; message: string };

// null and blank strings change nothing, as a blank spreadsheet cell does.
const text = (property: (typeof PERSON_PROPERTIES)[number]) =>
  z
    .string({ error: `${property} must be a string (or left out to keep the current value).` })
    .nullish()
    .transform((value) => value?.trim() || undefined);

// JSON numbers are accepted only for the year; a student id sent as a number would lose leading zeros.
const graduationYear = z
  .union([z.string(), z.number()], { error: "graduation_year must be a four-digit year, as a number or a string." })
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value).trim() || undefined));

const personSchema = z.strictObject({
  email: text("email"),
  first_name: text("first_name"),
  last_name: text("last_name"),
  account_type: text("account_type"),
  netid: text("netid"),
  netid2: text("netid2"),
  netid3: text("netid3"),
  grade: text("grade"),
  school: text("school"),
  graduation_year: graduationYear,
  status: text("status"),
});

const KNOWN = `The properties a person can have are ${PERSON_PROPERTIES.join(", ")}.`;

export function checkPerson(item: unknown): CheckedItem {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return { ok: false, errors: [{ field: null, message: `Each person must be a JSON object with properties such as email and netid. ${KNOWN}` }] };
  }
  const fast = wellFormedValues(item as Record<string, unknown>);
  if (fast) return { ok: true, values: fast };
  const parsed = personSchema.safeParse(item);
  if (parsed.success) {
    const values = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as PersonValues;
    return { ok: true, values };
  }
  const errors: ItemError[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors.push({ field: key, message: `Unknown property “${key}”. ${KNOWN}` });
    } else {
      errors.push({ field: issue.path.map(String).join(".") || null, message: issue.message });
    }
  }
  return { ok: false, errors };
}

const KNOWN_PROPERTIES: ReadonlySet<string> = new Set(PERSON_PROPERTIES);

/**
 * The values of an item with only known properties and string (or null) values, as the schema
 * would give them; null for anything else, which the schema then explains. A batch of 1,000
 * is read several times faster this way.
 */
function wellFormedValues(item: Record<string, unknown>): PersonValues | null {
  const values: PersonValues = {};
  for (const key in item) {
    if (!Object.hasOwn(item, key)) continue;
    if (!KNOWN_PROPERTIES.has(key)) return null;
    const value = item[key];
    if (value === null || value === undefined) continue;
    const written = typeof value === "string" ? value : key === "graduation_year" && typeof value === "number" ? String(value) : null;
    if (written === null) return null;
    const trimmed = written.trim();
    if (trimmed) values[key as keyof PersonValues] = trimmed;
  }
  return values;
}

export function parsePeopleRequest(body: unknown): ParsedPeopleRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      status: 400,
      code: "invalid_body",
      message: Array.isArray(body)
        ? 'Send a list of people as {"people": [ … ]}, not as a bare array.'
        : 'The body must be one person as a JSON object, or {"people": [ … ]} with 1 to 1,000 people.',
    };
  }
  if (!Object.hasOwn(body, "people")) return { ok: true, items: [checkPerson(body)] };

  const { people, ...rest } = body as { people: unknown };
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    return { ok: false, status: 400, code: "invalid_body", message: `Unknown top-level ${extra.length === 1 ? "property" : "properties"} ${extra.map((key) => `“${key}”`).join(", ")}: a list of people is sent as {"people": [ … ]} alone.` };
  }
  if (!Array.isArray(people)) return { ok: false, status: 400, code: "invalid_body", message: '"people" must be an array of person objects.' };
  if (people.length === 0) return { ok: false, status: 400, code: "invalid_body", message: '"people" is empty: send 1 to 1,000 people.' };
  if (people.length > MAX_PEOPLE_PER_REQUEST) {
    return {
      ok: false,
      status: 413,
      code: "too_many_people",
      message: `A request can hold at most ${MAX_PEOPLE_PER_REQUEST.toLocaleString("en-US")} people; this one has ${people.length.toLocaleString("en-US")}. Send them in batches of ${MAX_PEOPLE_PER_REQUEST.toLocaleString("en-US")}.`,
    };
  }
  return { ok: true, items: people.map(checkPerson) };
}
