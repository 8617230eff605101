// How one OneRoster 1.1 CSV value is read: dates, booleans, enumerations, lists, grade codes,
// userIds. Each reader gives the value as Rollcall stores it, or a sentence saying what is wrong.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** CEDS grade levels, as OneRoster 1.1 lists them. */
const GRADE_CODES = new Set(["IT", "PR", "PK", "TK", "KG", "PS", "UG", "Other", ...Array.from({ length: 13 }, (_, index) => String(index + 1).padStart(2, "0"))]);
const GRADES_BY_UPPER = new Map([...GRADE_CODES].map((code) => [code.toUpperCase(), code]));

// Deliberately loose: a mailbox, an @ and a dotted domain, no spaces. Stricter checks refuse real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

// Files repeat a handful of dates (term starts and ends) hundreds of thousands of times.
const knownDates = new Map<string, Read<string>>();

export function readDate(written: string): Read<string> {
  let read = knownDates.get(written);
  if (!read) {
    if (knownDates.size >= 10_000) knownDates.clear();
    read = dateOf(written);
    knownDates.set(written, read);
  }
  return read;
}

function dateOf(written: string): Read<string> {
  const match = DATE.exec(written);
  if (match) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return ok(written);
  }
  return fail(`'${written}' is not a date in the form YYYY-MM-DD (such as 2026-08-17).`);
}

export function readDateTime(written: string): Read<string> {
  if (DATE_TIME.test(written) && !Number.isNaN(Date.parse(written))) return ok(written);
  return fail(`'${written}' is not a date and time in the form 2026-08-17T09:30:00Z.`);
}

export function readBoolean(written: string): Read<boolean> {
  const lower = written.toLowerCase();
  if (lower === "true") return ok(true);
  if (lower === "false") return ok(false);
  return fail(`'${written}' is not true or false.`);
}

/** Matched without regard to case, and given back as the vocabulary spells it. */
export function readEnum<T extends string>(written: string, values: readonly T[], what: string): Read<T> {
  const lower = written.toLowerCase();
  const value = values.find((candidate) => candidate.toLowerCase() === lower);
  return value ? ok(value) : fail(`'${written}' is not ${what}: use one of ${values.join(", ")}.`);
}

/** A comma-separated list; blank items are dropped. */
export function readList(written: string): string[] {
  if (written === "") return [];
  return written
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A list of CEDS grade codes ("09,10"); a single digit is read as its two-digit code. */
export function readGrades(written: string): Read<string[]> {
  const grades: string[] = [];
  for (const item of readList(written)) {
    const code = /^\d$/.test(item) ? `0${item}` : GRADES_BY_UPPER.get(item.toUpperCase());
    if (!code || !GRADE_CODES.has(code)) return fail(`'${item}' is not a grade code: use KG, 01 to 13, PK, TK, PS, IT, PR, UG or Other.`);
    grades.push(code);
  }
  return ok(grades);
}

export function readEmail(written: string): Read<string> {
  return EMAIL.test(written) && written.length <= 254 ? ok(written) : fail(`'${written}' is not an email address.`);
}

export type UserId = { type: string; identifier: string };

/** OneRoster 1.1's userIds: "{LDAP:jsmith},{SIS:12345}". */
export function readUserIds(written: string): Read<UserId[]> {
  const ids: UserId[] = [];
  const rest = written.replace(/\{([^{}:]+):([^{}]*)\}/g, (_, type: string, identifier: string) => {
    ids.push({ type: type.trim(), identifier: identifier.trim() });
    return "";
  });
  if (rest.replace(/[\s,]/g, "") !== "") return fail(`'${written}' is not a list of {type:identifier} pairs (such as {LDAP:jsmith},{SIS:12345}).`);
  return ok(ids);
}

/** The school year a session belongs to, as a four-digit year ("2027" for 2026-2027). */
export function readYear(written: string): Read<string> {
  return /^\d{4}$/.test(written) ? ok(written) : fail(`'${written}' is not a school year such as 2027 (for 2026-2027).`);
}
