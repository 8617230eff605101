// Turns one written row (a spreadsheet line or an API item) into the fields it sets, or says,
// column by column, what is wrong with it. Pure: the district's account types and schools
// come in as lookups.
import type { ImportIssue, PersonFields, PersonRow } from "@/lib/imports/types";
import type { AccountType } from "@/lib/imports/people/account-types";
import type { PersonColumn, PersonValues } from "@/lib/imports/people/columns";

export type PersonContext = {
  accountType: (written: string) => AccountType | undefined;
  /** The account types a message may suggest. */
  accountTypeNames: readonly string[];
  /** A school's sourcedId from its name, identifier or sourcedId. */
  school: (written: string) => string | undefined;
};

export type Where = { file: string | null; line: number };

// Deliberately loose: a mailbox, an @ and a dotted domain, no spaces. Stricter checks refuse real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const IDENTIFIER_MAX = 255;

const GRADE_CODES = new Set(["IT", "PR", "PK", "TK", "KG", "PS", "UG", "Other", ...Array.from({ length: 13 }, (_, index) => String(index + 1).padStart(2, "0"))]);

/** A OneRoster (CEDS) grade code from what people write: "5" → "05", "K" → "KG". */
export function gradeCode(written: string): string | undefined {
  const trimmed = written.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, "0");
    return GRADE_CODES.has(code) ? code : undefined;
  }
  const upper = trimmed.toUpperCase();
  if (upper === "K" || upper === "KINDERGARTEN") return "KG";
  if (upper === "OTHER") return "Other";
  return GRADE_CODES.has(upper) ? upper : undefined;
}

export function validatePerson(values: PersonValues, where: Where, context: PersonContext): { row: PersonRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const fail = (column: PersonColumn | "status", message: string) => issues.push({ kind: "error", file: where.file, line: where.line, column, message });
  const fields: PersonFields = {};

  if (values.email !== undefined) {
    if (EMAIL.test(values.email) && values.email.length <= 254) fields.email = values.email;
    else fail("email", `'${values.email}' is not an email address.`);
  }
  if (values.first_name !== undefined) fields.givenName = values.first_name;
  if (values.last_name !== undefined) fields.familyName = values.last_name;
  if (values.account_type !== undefined) {
    const type = context.accountType(values.account_type);
    if (type) {
      fields.accountType = type.accountType;
      fields.role = type.role;
    } else {
      fail("account_type", `'${values.account_type}' is not one of the district's account types (${context.accountTypeNames.join(", ")}). Add it on the Settings tab or correct the cell.`);
    }
  }
  for (const key of ["netid", "netid2", "netid3"] as const) {
    const value = values[key];
    if (value === undefined) continue;
    if (value.length <= IDENTIFIER_MAX) fields[key] = value;
    else fail(key, `is ${value.length} characters long; identifiers are at most ${IDENTIFIER_MAX}.`);
  }
  if (values.grade !== undefined) {
    const code = gradeCode(values.grade);
    if (code) fields.grades = [code];
    else fail("grade", `'${values.grade}' is not a grade. Use KG, 1 to 12, PK, TK, IT, PR, PS, UG or Other.`);
  }
  if (values.school !== undefined) {
    const sourcedId = context.school(values.school);
    if (sourcedId) fields.schoolSourcedId = sourcedId;
    else fail("school", `'${values.school}' is not one of the district's schools. Use the school's name, identifier or sourcedId as the People page lists them.`);
  }
  if (values.graduation_year !== undefined) {
    const year = Number(values.graduation_year);
    if (/^\d{4}$/.test(values.graduation_year) && year >= 1900 && year <= 2100) fields.graduationYear = year;
    else fail("graduation_year", `'${values.graduation_year}' is not a four-digit year.`);
  }
  if (values.status !== undefined) {
    const status = values.status.toLowerCase();
    if (status === "active" || status === "inactive") fields.status = status;
    else fail("status", `'${values.status}' is not a status. Use active or inactive.`);
  }
  for (const column of ["first_name", "last_name"] as const) {
    const value = values[column];
    if (value !== undefined && value.length > 200) fail(column, `is ${value.length} characters long; names are at most 200.`);
  }
  if (!fields.netid3 && !fields.netid2 && !fields.netid && !fields.email && issues.length === 0) {
    fail(values.email === undefined ? "email" : "netid", "The row has no email, netid, netid2 or netid3, so it cannot be matched to a person or create one.");
  }
  return issues.length > 0 ? { row: null, issues } : { row: { file: where.file, line: where.line, fields }, issues };
}

/** Which of the fields needed to create a person a row lacks. */
export function missingToCreate(fields: PersonFields): string[] {
  const missing: string[] = [];
  if (!fields.email) missing.push("email");
  if (!fields.givenName) missing.push("first_name");
  if (!fields.familyName) missing.push("last_name");
  if (!fields.role) missing.push("account_type");
  return missing;
}
