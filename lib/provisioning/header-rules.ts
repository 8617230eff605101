// Rules for the custom headers a vendor adds to its webhook requests (RFC 9110 tokens,
// names Rollcall sets itself, values that cannot split a request).

export const MAX_HEADERS = 20;
export const MAX_HEADER_VALUE_BYTES = 4096;
export const MAX_HEADER_NAME_LENGTH = 256;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const RESERVED_NAMES = new Set(["host", "content-length", "content-type", "transfer-encoding", "connection", "user-agent"]);
const RESERVED_PREFIX = "webhook-";
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

export function headerNameProblem(name: string): string | null {
  if (name.length === 0) return "Enter a header name";
  if (name.length > MAX_HEADER_NAME_LENGTH) return `Header names can be at most ${MAX_HEADER_NAME_LENGTH} characters`;
  if (!TOKEN.test(name)) return "Use only letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ (no spaces or colons)";
  if (isReservedHeaderName(name)) return `${name} is set by Rollcall and can't be changed`;
  return null;
}

export function isReservedHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_NAMES.has(lower) || lower.startsWith(RESERVED_PREFIX);
}

export function headerValueProblem(value: string): string | null {
  if (LINE_BREAK_OR_NUL.test(value)) return "Header values can't contain line breaks or NUL characters";
  if (new TextEncoder().encode(value).length > MAX_HEADER_VALUE_BYTES) return "Header values can be at most 4 KB";
  return null;
}

/** Indexes of headers whose name repeats an earlier one (names are case-insensitive). */
export function duplicateHeaderIndexes(names: string[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  names.forEach((name, index) => {
    const key = name.toLowerCase();
    if (key && seen.has(key)) duplicates.push(index);
    seen.add(key);
  });
  return duplicates;
}
