// SCIM filters (RFC 7644 §3.4.2.2), parsed by scim2-parse-filter. The parser reads
// `emails[type eq "work"].value eq "x"` (as Entra ID sends it) as two separate conditions on
// emails; Rollcall means what the client means, one email that is both, so that shape is
// folded back into `emails[type eq "work" and value eq "x"]`.
import { parse, type Filter } from "scim2-parse-filter";
import { invalidFilter } from "@/lib/scim/errors";

export type { Filter } from "scim2-parse-filter";

const MAX_FILTER_LENGTH = 4_000;
const MAX_DEPTH = 50;

export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) throw invalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  let parsed: Filter;
  try {
    parsed = parse(text);
  } catch {
    throw invalidFilter(`The filter could not be read: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
  }
  return fold(parsed, 0);
}

function fold(filter: Filter, depth: number): Filter {
  if (depth > MAX_DEPTH) throw invalidFilter("The filter is nested too deeply.");
  switch (filter.op) {
    case "and":
    case "or": {
      const filters = filter.filters.map((item) => fold(item, depth + 1));
      const [first, second] = filters;
      if (filter.op === "and" && filters.length === 2 && first?.op === "[]" && second && second.op !== "[]" && "attrPath" in second) {
        const prefix = `${first.attrPath.toLowerCase()}.`;
        if (second.attrPath.toLowerCase().startsWith(prefix)) {
          const sub = { ...second, attrPath: second.attrPath.slice(prefix.length) } as Filter;
          return { op: "[]", attrPath: first.attrPath, valFilter: { op: "and", filters: [first.valFilter, sub] } };
        }
      }
      return { op: filter.op, filters };
    }
    case "not":
      return { op: "not", filter: fold(filter.filter, depth + 1) };
    case "[]":
      return { ...filter, valFilter: fold(filter.valFilter, depth + 1) };
    default:
      return filter;
  }
}
