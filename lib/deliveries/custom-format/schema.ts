// A custom CSV format: one schema for the column editor (react-hook-form) and for the server
// action, which parses again and is authoritative. Browser-safe.
import { z } from "zod";
import { APPLICABLE_FILTERS, catalogField, ENTITY_LABELS, GRADE_CODES, ROSTER_ROLES } from "@/lib/deliveries/custom-format/catalog";
import { DATE_FORMATS, DELIMITERS, ENCODINGS, FORMAT_ENTITIES, LINE_ENDINGS, QUOTING, type CustomFormat, type FormatEntity, type FormatFilters } from "@/lib/deliveries/types";

export const MAX_COLUMNS = 100;
export const MAX_HEADER_LENGTH = 100;
export const MAX_FILE_NAME_LENGTH = 100;

const FILTER_LABELS: Record<keyof FormatFilters, string> = { roles: "Roles", statuses: "Statuses", schoolNames: "Schools", grades: "Grades" };

const columnSchema = z.object({
  field: z.string().min(1, "Choose a field"),
  header: z
    .string()
    .trim()
    .min(1, "Enter the column's header")
    .max(MAX_HEADER_LENGTH, `A header can be at most ${MAX_HEADER_LENGTH} characters`)
    .refine((header) => !/[\p{Cc}]/u.test(header), "A header can't contain line breaks or other control characters"),
});

const filtersSchema = z.object({
  roles: z.array(z.enum(ROSTER_ROLES, { error: "Choose roles from the OneRoster roles" })).max(ROSTER_ROLES.length),
  statuses: z.array(z.enum(["active", "tobedeleted"], { error: "A status is active or tobedeleted" })).max(2),
  schoolNames: z.array(z.string().trim().min(2, "Give at least two letters of a school's name").max(100, "Use at most 100 characters")).max(20, "Give at most 20 school names"),
  grades: z.array(z.enum(GRADE_CODES, { error: `A grade is one of ${GRADE_CODES.join(", ")}` })).max(GRADE_CODES.length),
});

/** Why a file name can't be used, or null: a plain name ending in .csv ({date} allowed). */
export function fileNameProblem(name: string): string | null {
  if (name === "") return "Enter the file's name";
  if (name.length > MAX_FILE_NAME_LENGTH) return `A file name can be at most ${MAX_FILE_NAME_LENGTH} characters`;
  if (/[/\\]/.test(name) || name.includes("..")) return "A file name can't contain /, \\ or ..";
  if (/[\p{Cc}:*?"<>|]/u.test(name)) return 'A file name can\'t contain control characters or any of : * ? " < > |';
  if (name.startsWith(".")) return "A file name can't start with a dot";
  if (!name.toLowerCase().endsWith(".csv")) return "A file name ends in .csv";
  return null;
}

export const customFormatSchema: z.ZodType<CustomFormat, CustomFormat> = z
  .object({
    entity: z.enum(FORMAT_ENTITIES, { error: "Choose what each row is: users, classes, enrollments, …" }),
    columns: z
      .array(columnSchema)
      .min(1, "Add at least one column")
      .max(MAX_COLUMNS, `A format can have at most ${MAX_COLUMNS} columns`),
    dateFormat: z.enum(DATE_FORMATS, { error: "Choose a date format" }),
    delimiter: z.enum(DELIMITERS, { error: "Choose a delimiter: comma, semicolon, tab or |" }),
    quoting: z.enum(QUOTING, { error: "Choose when cells are quoted" }),
    encoding: z.enum(ENCODINGS, { error: "Choose an encoding" }),
    lineEnding: z.enum(LINE_ENDINGS, { error: "Choose a line ending" }),
    fileName: z.string().trim(),
    filters: filtersSchema,
  })
  .superRefine((format, context) => {
    format.columns.forEach((column, index) => {
      if (column.field && !catalogField(format.entity, column.field)) {
        context.addIssue({ code: "custom", path: ["columns", index, "field"], message: `'${column.field}' is not a field of ${format.entity}` });
      }
    });
    const seen = new Set<string>();
    format.columns.forEach((column, index) => {
      const key = column.header.toLowerCase();
      if (key && seen.has(key)) context.addIssue({ code: "custom", path: ["columns", index, "header"], message: `The header '${column.header}' is already used by another column` });
      seen.add(key);
    });
    const nameProblem = fileNameProblem(format.fileName);
    if (nameProblem) context.addIssue({ code: "custom", path: ["fileName"], message: nameProblem });
    for (const filter of Object.keys(FILTER_LABELS) as (keyof FormatFilters)[]) {
      if (format.filters[filter].length > 0 && !APPLICABLE_FILTERS[format.entity].includes(filter)) {
        context.addIssue({ code: "custom", path: ["filters", filter], message: `${FILTER_LABELS[filter]} can't filter ${ENTITY_LABELS[format.entity].toLowerCase()}: clear this filter` });
      }
    }
  });

const DEFAULT_COLUMNS: Record<FormatEntity, string[]> = {
  users: ["sourcedId", "givenName", "familyName", "email", "role", "school.name", "grades"],
  classes: ["sourcedId", "title", "classCode", "course.title", "school.name", "teacher.email", "term.title"],
  enrollments: ["sourcedId", "classSourcedId", "userSourcedId", "role", "user.email", "class.title", "school.name"],
  orgs: ["sourcedId", "name", "type", "identifier", "parentSourcedId"],
  courses: ["sourcedId", "title", "courseCode", "grades", "school.name"],
  academicSessions: ["sourcedId", "title", "type", "startDate", "endDate", "schoolYear"],
  demographics: ["sourcedId", "user.givenName", "user.familyName", "birthDate", "sex"],
};

/** A format to start from: the entity's usual columns, UTF-8, commas, quoting as needed, ISO dates, LF. */
export function defaultCustomFormat(entity: FormatEntity = "users"): CustomFormat {
  return {
    entity,
    columns: DEFAULT_COLUMNS[entity].map((field) => ({ field, header: field })),
    dateFormat: "YYYY-MM-DD",
    delimiter: ",",
    quoting: "as_needed",
    encoding: "utf-8",
    lineEnding: "lf",
    fileName: `${entity}-{date}.csv`,
    filters: { roles: [], statuses: [], schoolNames: [], grades: [] },
  };
}
