// What the file delivery pieces share: a custom CSV format's definition, the files an export
// writes, and how a delivery can fail. Browser-safe (the format editor uses the types).
import type { RosterRole } from "@/generated/prisma/enums";

/** The OneRoster entities a custom format can export, one row per record. */
export const FORMAT_ENTITIES = ["users", "classes", "enrollments", "orgs", "courses", "academicSessions", "demographics"] as const;
export type FormatEntity = (typeof FORMAT_ENTITIES)[number];

export const DATE_FORMATS = ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "YYYYMMDD"] as const;
export const DELIMITERS = [",", ";", "\t", "|"] as const;
export const QUOTING = ["as_needed", "all"] as const;
export const ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le", "latin1"] as const;
export const LINE_ENDINGS = ["lf", "crlf"] as const;

/** One column of the file: a field of the entity's catalog (e.g. "givenName", "school.name") and its header. */
export type FormatColumn = { field: string; header: string };

export type FormatFilters = {
  /** Users and enrollments: only these roles (empty: all). */
  roles: RosterRole[];
  /** Empty: active only. */
  statuses: ("active" | "tobedeleted")[];
  /** Only records of schools whose name contains one of these, whatever the case (empty: all). Names, not ids: one format serves every district. */
  schoolNames: string[];
  /** Only records with one of these grades (empty: all). */
  grades: string[];
};

export type CustomFormat = {
  entity: FormatEntity;
  columns: FormatColumn[];
  dateFormat: (typeof DATE_FORMATS)[number];
  delimiter: (typeof DELIMITERS)[number];
  quoting: (typeof QUOTING)[number];
  encoding: (typeof ENCODINGS)[number];
  lineEnding: (typeof LINE_ENDINGS)[number];
  /** The file's name; {date} becomes the delivery's date (YYYY-MM-DD). */
  fileName: string;
  filters: FormatFilters;
};

/** A file an export wrote, ready to be delivered. */
export type ExportedFile = { name: string; path: string; rows: number; bytes: number; sha256: string };

export const DELIVERY_ERROR_KINDS = [
  "auth_refused",
  "host_key_changed",
  "host_key_unconfirmed",
  "disk_full",
  "timeout",
  "unreachable",
  "blocked_address",
  "error",
] as const;
export type DeliveryErrorKind = (typeof DELIVERY_ERROR_KINDS)[number];

/** Why a delivery failed, in words for the vendor admin; `retry` when trying again later may help. */
export type DeliveryFailure = { kind: DeliveryErrorKind; message: string; retry: boolean };
