// The people template's columns (seed 001's upload template), shared by spreadsheets, the SFTP
// drop and the upsert API, which takes the same names as JSON properties.
export const PERSON_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "account_type",
  "netid",
  "netid2",
  "netid3",
  "grade",
  "school",
  "graduation_year",
] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

/** One row or item as written: the template's columns and the API's `status`, blank ones left out. */
export type PersonValues = Partial<Record<PersonColumn | "status", string>>;

/** A spreadsheet must have the header row, but only the columns it fills; creating a person needs these four. */
export const REQUIRED_TO_CREATE = ["email", "first_name", "last_name", "account_type"] as const satisfies readonly PersonColumn[];

export const COLUMN_HELP: Record<PersonColumn, string> = {
  email: "The person's email address. Matches an existing person when no netid does.",
  first_name: "Given name.",
  last_name: "Family name.",
  account_type: "One of the district's account types (Settings tab), e.g. Student or Teacher.",
  netid: "The district's identifier for the person (e.g. the SIS or directory id). Matches before email.",
  netid2: "A second identifier. Matches before netid.",
  netid3: "A third identifier, the strongest. Matches first.",
  grade: "Grade level: KG, 1 to 12 (or 01 to 12), PK, TK, IT, PR, PS, UG or Other.",
  school: "The school's name, identifier or sourcedId, as listed on the People page.",
  graduation_year: "Four-digit year, e.g. 2031.",
};
