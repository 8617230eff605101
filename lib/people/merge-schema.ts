// The merge form and the merge action share this schema: which of two records survives and,
// for each field, which record's value it keeps. Defaults follow one rule: the survivor's
// value when it has one, else the other record's.
import { z } from "zod";
import type { RosterRole } from "@/generated/prisma/client";

export const MERGE_FIELDS = [
  "givenName",
  "familyName",
  "middleName",
  "email",
  "username",
  "role",
  "netid",
  "netid2",
  "netid3",
  "grades",
  "orgSourcedIds",
  "phone",
  "sms",
  "identifier",
  "graduationYear",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  givenName: "Given name",
  familyName: "Family name",
  middleName: "Middle name",
  email: "Email",
  username: "Username",
  role: "Role",
  netid: "Netid",
  netid2: "Netid 2",
  netid3: "Netid 3",
  grades: "Grades",
  orgSourcedIds: "Schools",
  phone: "Phone",
  sms: "SMS",
  identifier: "Identifier",
  graduationYear: "Graduation year",
};

/** The two records of a pair, as the form names them: in the order the pair was shown. */
export const PAIR_SIDES = ["first", "second"] as const;
export type PairSide = (typeof PAIR_SIDES)[number];

const side = z.enum(PAIR_SIDES, { error: "Choose which record's value to keep." });

export const mergeSchema = z
  .object({
    firstId: z.uuid({ error: "This record was not found." }),
    secondId: z.uuid({ error: "This record was not found." }),
    survivor: z.enum(PAIR_SIDES, { error: "Choose the record that stays." }),
    choices: z.object(Object.fromEntries(MERGE_FIELDS.map((field) => [field, side])) as Record<MergeField, typeof side>),
  })
  .refine((input) => input.firstId !== input.secondId, { message: "A record cannot be merged with itself.", path: ["secondId"] });
export type MergeInput = z.input<typeof mergeSchema>;

export const dismissSchema = z
  .object({ firstId: z.uuid({ error: "This record was not found." }), secondId: z.uuid({ error: "This record was not found." }) })
  .refine((input) => input.firstId !== input.secondId, { message: "A record cannot be a duplicate of itself.", path: ["secondId"] });

/** The mergeable fields of a record, as read from the database. */
export type MergeValues = {
  givenName: string;
  familyName: string;
  middleName: string | null;
  email: string | null;
  username: string;
  role: RosterRole;
  netid: string | null;
  netid2: string | null;
  netid3: string | null;
  grades: string[];
  orgSourcedIds: string[];
  phone: string | null;
  sms: string | null;
  identifier: string | null;
  graduationYear: number | null;
};

export function hasValue(value: MergeValues[MergeField]): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "number" || value.trim() !== "";
}

/** For each field, the survivor's side when its value is present, else the other side. */
export function defaultChoices(records: Record<PairSide, MergeValues>, survivor: PairSide): Record<MergeField, PairSide> {
  const other: PairSide = survivor === "first" ? "second" : "first";
  return Object.fromEntries(MERGE_FIELDS.map((field) => [field, hasValue(records[survivor][field]) || !hasValue(records[other][field]) ? survivor : other])) as Record<
    MergeField,
    PairSide
  >;
}

/** Whether two records hold the same value for a field, so that there is nothing to choose. */
export function sameValue(a: MergeValues[MergeField], b: MergeValues[MergeField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return (a ?? null) === (b ?? null);
}
