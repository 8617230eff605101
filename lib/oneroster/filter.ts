// The `filter` query parameter of the OneRoster Data API, parsed into predicates before any
// of it comes near the database:
//   filter   := predicate ( ("AND" | "OR") predicate )*       (AND binds tighter than OR)
//   predicate:= field operator 'value'                          e.g. familyName~'smi'
//   field    := name | name.name                                e.g. school.sourcedId
//   operator := = | != | > | >= | < | <= | ~
// A quote inside a value is written twice ('O''Brien'). Field names are checked against the
// resource later (where.ts); this module only knows the grammar.
import { badFilter } from "./errors";

export const FILTER_OPERATORS = ["=", "!=", ">", ">=", "<", "<=", "~"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type Predicate = { field: string; operator: FilterOperator; value: string };

/** Disjunctive normal form: the filter matches when every predicate of any one group matches. */
export type FilterExpression = { anyOf: Predicate[][] };

export const MAX_FILTER_LENGTH = 2000;
export const MAX_PREDICATES = 20;

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WORD = /[A-Za-z]+/y;

export function parseFilter(text: string): FilterExpression {
  if (text.length > MAX_FILTER_LENGTH) throw badFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  const scanner = new Scanner(text);
  const anyOf: Predicate[][] = [[]];
  let count = 0;
  for (;;) {
    anyOf[anyOf.length - 1]!.push(readPredicate(scanner));
    if (++count > MAX_PREDICATES) throw badFilter(`The filter has more than ${MAX_PREDICATES} predicates.`);
    scanner.skipSpaces();
    if (scanner.atEnd()) return { anyOf };
    const at = scanner.position;
    const word = scanner.match(WORD)?.toUpperCase();
    if (word === "OR") anyOf.push([]);
    else if (word !== "AND") throw badFilter(`Expected AND or OR at character ${at + 1} of the filter.`);
    if (!scanner.skipSpaces() || scanner.atEnd()) throw badFilter(`Expected a space and a predicate after ${word} in the filter.`);
  }
}

function readPredicate(scanner: Scanner): Predicate {
  scanner.skipSpaces();
  const start = scanner.position;
  const head = scanner.match(NAME);
  if (!head) throw badFilter(`Expected a field name at character ${start + 1} of the filter.`);
  let field = head;
  if (scanner.peek() === ".") {
    scanner.advance(1);
    const tail = scanner.match(NAME);
    if (!tail) throw badFilter(`Expected a field name after '${head}.' in the filter.`);
    field = `${head}.${tail}`;
  }
  scanner.skipSpaces();
  const operator = readOperator(scanner);
  if (!operator) throw badFilter(`Expected an operator (=, !=, >, >=, <, <=, ~) after '${field}' in the filter.`);
  scanner.skipSpaces();
  return { field, operator, value: readValue(scanner, field) };
}

function readOperator(scanner: Scanner): FilterOperator | null {
  for (const candidate of ["!=", ">=", "<=", "=", ">", "<", "~"] as const) {
    if (scanner.startsWith(candidate)) {
      scanner.advance(candidate.length);
      return candidate;
    }
  }
  return null;
}

function readValue(scanner: Scanner, field: string): string {
  if (scanner.peek() !== "'") throw badFilter(`The value for '${field}' must be in single quotes, e.g. ${field}='value'.`);
  scanner.advance(1);
  let value = "";
  for (;;) {
    const next = scanner.text.indexOf("'", scanner.position);
    if (next < 0) throw badFilter(`The value for '${field}' has no closing quote.`);
    value += scanner.text.slice(scanner.position, next);
    scanner.advance(next - scanner.position + 1);
    if (scanner.peek() !== "'") return value;
    value += "'";
    scanner.advance(1);
  }
}

class Scanner {
  position = 0;
  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }
  peek(): string | undefined {
    return this.text[this.position];
  }
  advance(count: number): void {
    this.position += count;
  }
  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.position);
  }
  /** Skips spaces and tabs; says whether there were any. */
  skipSpaces(): boolean {
    const start = this.position;
    while (this.peek() === " " || this.peek() === "\t") this.position++;
    return this.position > start;
  }
  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (!found) return null;
    this.position += found[0].length;
    return found[0];
  }
}
