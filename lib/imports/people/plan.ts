// Decides what each validated row does to the roster (seed 001): match by netid3, else netid2,
// else netid, else email; a match updates only the fields the row fills; no match creates.
// Pure, so that the preview, the apply and the upsert API decide alike.
import type { PersonSource, RosterRole } from "@/generated/prisma/client";
import { MATCH_KEYS, type ImportIssue, type MatchKey, type Outcome, type PersonRow } from "@/lib/imports/types";
import { missingToCreate } from "@/lib/imports/people/validate";

export type ExistingPerson = {
  id: string;
  sourcedId: string;
  source: PersonSource;
  fieldSources: Record<string, string>;
  givenName: string;
  familyName: string;
  email: string | null;
  role: RosterRole;
  netid: string | null;
  netid2: string | null;
  netid3: string | null;
  grades: string[];
  orgSourcedIds: string[];
  graduationYear: number | null;
  status: "active" | "tobedeleted";
};

/** Columns of RosterUser an import may change. */
export type PersonChanges = Partial<Pick<ExistingPerson, "givenName" | "familyName" | "email" | "role" | "netid" | "netid2" | "netid3" | "grades" | "orgSourcedIds" | "graduationYear" | "status">>;

export type PlannedPerson =
  | { outcome: "create"; row: PersonRow; values: Required<Pick<PersonChanges, "givenName" | "familyName" | "email" | "role">> & PersonChanges }
  | { outcome: "update" | "deactivate"; row: PersonRow; person: ExistingPerson; matchedBy: MatchKey; changes: PersonChanges }
  | { outcome: "unchanged"; row: PersonRow; person: ExistingPerson; matchedBy: MatchKey }
  | { outcome: "conflict" | "error"; row: PersonRow; issue: ImportIssue };

/** The district's people found by each identifier; emails without regard to case. */
export type PeopleIndex = Record<MatchKey, Map<string, ExistingPerson[]>>;

export const identifierKey = (key: MatchKey, value: string): string => (key === "email" ? value.toLowerCase() : value);

export function indexPeople(people: Iterable<ExistingPerson>): PeopleIndex {
  const index: PeopleIndex = { netid3: new Map(), netid2: new Map(), netid: new Map(), email: new Map() };
  for (const person of people) {
    for (const key of MATCH_KEYS) {
      const value = person[key];
      if (!value) continue;
      const normalised = identifierKey(key, value);
      const list = index[key].get(normalised);
      if (list) list.push(person);
      else index[key].set(normalised, [person]);
    }
  }
  return index;
}

/** How a message names another row: a line of a file, or an item of an API request. */
const rowName = (row: PersonRow, line: number) => (row.file === null ? `item ${line}` : `line ${line}`);

const describe = (person: ExistingPerson) => `${person.givenName} ${person.familyName} (${person.sourcedId})`;

function issue(row: PersonRow, kind: "error" | "conflict", column: string | null, message: string): ImportIssue {
  return { kind, file: row.file, line: row.line, column, message };
}

type Match = { person: ExistingPerson; matchedBy: MatchKey } | { conflict: ImportIssue } | null;

/** The first identifier in the row that matches someone wins; identifiers pointing at different people are a conflict. */
export function matchPerson(row: PersonRow, index: PeopleIndex): Match {
  let chosen: { person: ExistingPerson; matchedBy: MatchKey } | null = null;
  for (const key of MATCH_KEYS) {
    const value = row.fields[key];
    if (!value) continue;
    const found = index[key].get(identifierKey(key, value)) ?? [];
    if (found.length === 0) continue;
    if (!chosen) {
      if (found.length > 1) {
        return { conflict: issue(row, "conflict", key, `${key} '${value}' belongs to ${found.length} people: ${found.slice(0, 3).map(describe).join(", ")}. Give the row a netid that tells them apart.`) };
      }
      chosen = { person: found[0]!, matchedBy: key };
    } else if (!found.includes(chosen.person)) {
      return {
        conflict: issue(row, "conflict", key, `${chosen.matchedBy} '${row.fields[chosen.matchedBy]}' belongs to ${describe(chosen.person)} but ${key} '${value}' belongs to ${describe(found[0]!)}. Not applied: correct the row or merge the two people.`),
      };
    }
  }
  return chosen;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

export function changesFor(row: PersonRow, person: ExistingPerson): PersonChanges {
  const fields = row.fields;
  const changes: PersonChanges = {};
  for (const key of ["givenName", "familyName", "email", "role", "netid", "netid2", "netid3", "graduationYear"] as const) {
    const value = fields[key];
    if (value !== undefined && value !== person[key]) Object.assign(changes, { [key]: value });
  }
  if (fields.grades && !sameList(fields.grades, person.grades)) changes.grades = fields.grades;
  if (fields.schoolSourcedId && !person.orgSourcedIds.includes(fields.schoolSourcedId)) changes.orgSourcedIds = [fields.schoolSourcedId];
  const status = fields.status === "inactive" ? "tobedeleted" : "active";
  if (status !== person.status) changes.status = status;
  return changes;
}

/**
 * Plans every row in order. A later row that is the same person as an earlier one (same
 * identifier, or matching the same existing person) is an error: one row per person.
 */
export function planPeople(rows: readonly PersonRow[], index: PeopleIndex): PlannedPerson[] {
  const firstLine: Record<MatchKey, Map<string, number>> = { netid3: new Map(), netid2: new Map(), netid: new Map(), email: new Map() };
  const personLine = new Map<string, number>();
  return rows.map((row): PlannedPerson => {
    for (const key of MATCH_KEYS) {
      const value = row.fields[key];
      const earlier = value ? firstLine[key].get(identifierKey(key, value)) : undefined;
      if (earlier !== undefined) return { outcome: "error", row, issue: issue(row, "error", key, `is the same person as ${rowName(row, earlier)} (${key} '${value}'). Keep one row per person.`) };
    }
    for (const key of MATCH_KEYS) {
      const value = row.fields[key];
      if (value) firstLine[key].set(identifierKey(key, value), row.line);
    }
    const match = matchPerson(row, index);
    if (match && "conflict" in match) return { outcome: "conflict", row, issue: match.conflict };
    if (match) {
      const earlier = personLine.get(match.person.id);
      if (earlier !== undefined) return { outcome: "error", row, issue: issue(row, "error", match.matchedBy, `is the same person as ${rowName(row, earlier)} (${describe(match.person)}). Keep one row per person.`) };
      personLine.set(match.person.id, row.line);
      const changes = changesFor(row, match.person);
      if (Object.keys(changes).length === 0) return { outcome: "unchanged", row, person: match.person, matchedBy: match.matchedBy };
      return { outcome: changes.status === "tobedeleted" ? "deactivate" : "update", row, person: match.person, matchedBy: match.matchedBy, changes };
    }
    if (row.fields.status === "inactive") {
      return { outcome: "error", row, issue: issue(row, "error", "status", "No person matches this row, so there is nobody to deactivate.") };
    }
    const missing = missingToCreate(row.fields);
    if (missing.length > 0) {
      return {
        outcome: "error",
        row,
        issue: issue(row, "error", missing[0]!, `No person matches this row, and a new person needs email, first_name, last_name and account_type: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} blank.`),
      };
    }
    const { email, givenName, familyName, role, netid, netid2, netid3, grades, schoolSourcedId, graduationYear } = row.fields;
    return {
      outcome: "create",
      row,
      values: { email: email!, givenName: givenName!, familyName: familyName!, role: role!, netid, netid2, netid3, grades, orgSourcedIds: schoolSourcedId ? [schoolSourcedId] : undefined, graduationYear },
    };
  });
}

export function countOutcomes(plan: readonly { outcome: Outcome }[], counts: Record<Outcome, number>): Record<Outcome, number> {
  for (const item of plan) counts[item.outcome]++;
  return counts;
}
