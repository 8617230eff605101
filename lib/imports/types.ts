// The shapes every way in (browser upload, SFTP drop, upsert API) shares: what a validated
// row of people data holds, the problems found in a file, and what each row would do.
import type { ImportIssueKind, PersonSource, Prisma, RosterRole } from "@/generated/prisma/client";

/** A problem with one row or one file, reported with where it is and a sentence saying what is wrong. */
export type ImportIssue = {
  kind: ImportIssueKind;
  /** The file inside the upload (users.csv in a zip, people.xlsx), or null for an API item. */
  file: string | null;
  /** 1-based line in the file (the header is line 1), or the 0-based index of an API item. */
  line: number | null;
  column: string | null;
  message: string;
};

export const OUTCOMES = ["create", "update", "unchanged", "deactivate", "conflict", "error"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeCounts = Record<Outcome, number>;

export const emptyOutcomeCounts = (): OutcomeCounts => ({ create: 0, update: 0, unchanged: 0, deactivate: 0, conflict: 0, error: 0 });

/** The identifiers a row can match an existing person by, strongest first (seed 001). */
export const MATCH_KEYS = ["netid3", "netid2", "netid", "email"] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/**
 * One person as a spreadsheet row or an upsert API item gives them, after validation: only the
 * fields the row has data for (a blank cell changes nothing).
 */
export type PersonFields = {
  email?: string;
  givenName?: string;
  familyName?: string;
  /** The account type as written ("Student"), and the OneRoster role the district maps it to. */
  accountType?: string;
  role?: RosterRole;
  netid?: string;
  netid2?: string;
  netid3?: string;
  grades?: string[];
  /** The sourcedId of the school the row names (by sourcedId, identifier or name). */
  schoolSourcedId?: string;
  graduationYear?: number;
  /** inactive deactivates the person (status tobedeleted); the upsert API's "status". */
  status?: "active" | "inactive";
};

export type PersonRow = {
  /** Where the row came from, for messages: the file and line, or the API item's index. */
  file: string | null;
  line: number;
  fields: PersonFields;
};

/** The way in an import came through, as recorded on the people it creates and updates. */
export type ImportSource = Extract<PersonSource, "oneroster_csv" | "spreadsheet" | "api" | "sso">;

/**
 * What validating a file found, before anything is written: every row checked and matched
 * against the roster, counted per outcome (in all and per file inside the upload).
 */
export type FileCheck = {
  format: "oneroster_csv" | "spreadsheet";
  /** A OneRoster manifest's processing mode: bulk when any file in it is bulk; null for spreadsheets. */
  mode: "bulk" | "delta" | null;
  rowsTotal: number;
  counts: OutcomeCounts;
  countsByFile: Record<string, OutcomeCounts>;
  issues: ImportIssue[];
};

/** What applying wrote: the same outcomes, counted again at the time of writing. */
export type ApplyResult = { counts: OutcomeCounts; countsByFile: Record<string, OutcomeCounts>; issues: ImportIssue[] };

/** Called as rows are read, with the number read so far; callers throttle what they do with it. */
export type ProgressListener = (rowsDone: number) => void;

/** Called in the applying transaction once the rows are written, so that what it records lands with them (the audit event). */
export type AppliedListener = (tx: Prisma.TransactionClient, counts: OutcomeCounts) => Promise<void>;

/** Thrown when a whole file cannot be read (not a zip, wrong encoding, missing columns, too large): nothing is written. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly file: string | null = null,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}
