// Seed 003's account-type rules: which account type the values of the attribute mapped to
// account type give. An exact combination beats CONTAINS, which beats DEFAULT, whatever the
// order listed. Pure and browser-safe: the Single sign-on page's "Try it" box runs it.
import { z } from "zod";
import type { AccountTypeRule, AccountTypeRules } from "@/lib/sso/types";

/** Maps eduPersonAffiliation values onto the default account types; no DEFAULT, so an alum or affiliate is not created. */
export const DEFAULT_ACCOUNT_TYPE_RULES: AccountTypeRules = {
  multiValued: true,
  rules: [
    { kind: "exact", values: ["employee", "student"], accountType: "Staff" },
    { kind: "contains", values: ["student"], accountType: "Student" },
    { kind: "contains", values: ["faculty"], accountType: "Teacher" },
    { kind: "contains", values: ["staff"], accountType: "Staff" },
  ],
};

const normalise = (value: string) => value.trim().toLowerCase();

/** The distinct values, trimmed and lower-cased, blanks left out. */
function valueSet(values: readonly string[]): Set<string> {
  return new Set(values.map(normalise).filter((value) => value !== ""));
}

const setKey = (values: readonly string[]) => [...valueSet(values)].sort().join("\u0000");

export type RuleDecision = { accountType: string; rule: AccountTypeRule; ruleIndex: number; explanation: string };

/**
 * The rule that fires for these released values, or null when none does. A single-valued
 * attribute is judged by its first value only.
 */
export function decideAccountType(rules: AccountTypeRules, values: readonly string[]): RuleDecision | null {
  const first = values.find((value) => value.trim() !== "");
  const released = rules.multiValued ? valueSet(values) : valueSet(first === undefined ? [] : [first]);
  const decision = (ruleIndex: number, explanation: string): RuleDecision => {
    const rule = rules.rules[ruleIndex]!;
    return { accountType: rule.accountType, rule, ruleIndex, explanation };
  };

  const exact = rules.rules.findIndex((rule) => {
    if (rule.kind !== "exact") return false;
    const wanted = valueSet(rule.values);
    return wanted.size > 0 && wanted.size === released.size && [...wanted].every((value) => released.has(value));
  });
  if (exact >= 0) {
    const rule = rules.rules[exact]!;
    return decision(exact, rules.multiValued ? `exact combination ${rule.values.map((value) => value.trim()).join(", ")}` : `value ${rule.values[0]!.trim()}`);
  }
  const contains = rules.rules.findIndex((rule) => rule.kind === "contains" && rule.values[0] !== undefined && released.has(normalise(rule.values[0])));
  if (contains >= 0) return decision(contains, `CONTAINS ${rules.rules[contains]!.values[0]!.trim()}`);
  const fallback = rules.rules.findIndex((rule) => rule.kind === "default");
  if (fallback >= 0) return decision(fallback, "DEFAULT (no other rule matched)");
  return null;
}

const MAX_RULES = 100;
const MAX_VALUES = 20;

const ruleSchema = z.object({
  kind: z.enum(["exact", "contains", "default"], "Choose exact, CONTAINS or DEFAULT."),
  values: z.array(z.string().trim().max(200, "Use at most 200 characters.")).max(MAX_VALUES, `Use at most ${MAX_VALUES} values in one rule.`),
  accountType: z.string().trim().min(1, "Choose the account type this rule gives.").max(60, "Use at most 60 characters."),
});

export const accountTypeRulesSchema: z.ZodType<AccountTypeRules, AccountTypeRules> = z
  .object({
    multiValued: z.boolean("Say whether the attribute is single- or multi-valued."),
    rules: z.array(ruleSchema).max(MAX_RULES, `Use at most ${MAX_RULES} rules.`),
  })
  .superRefine(({ multiValued, rules }, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path: ["rules", ...path], message });
    const exactSets = new Map<string, number>();
    const containsValues = new Map<string, number>();
    let defaultAt: number | null = null;

    rules.forEach((rule, index) => {
      const named = rule.values.filter((value) => value !== "");
      rule.values.forEach((value, position) => {
        if (value === "" && rule.kind !== "default") issue([index, "values", position], "Write a value, or remove this one.");
      });
      if (rule.kind === "default") {
        if (defaultAt !== null) issue([index, "kind"], `There is already a DEFAULT rule (rule ${defaultAt + 1}). Keep one.`);
        else defaultAt = index;
        return;
      }
      if (rule.kind === "contains") {
        if (!multiValued) return issue([index, "kind"], "CONTAINS needs a multi-valued attribute. Use a rule for the value, or make the attribute multi-valued.");
        if (named.length !== 1) return issue([index, "values"], "A CONTAINS rule names exactly one value.");
        const key = normalise(named[0]!);
        const earlier = containsValues.get(key);
        if (earlier !== undefined) return issue([index, "values"], `CONTAINS ${named[0]} is already rule ${earlier + 1}.`);
        containsValues.set(key, index);
        return;
      }
      if (named.length === 0) return issue([index, "values"], multiValued ? "Name at least one value for this combination." : "Name the value this rule matches.");
      if (!multiValued && named.length > 1) return issue([index, "values"], "A single-valued attribute's rule names one value.");
      const seen = new Set<string>();
      for (const value of named) {
        if (seen.has(normalise(value))) return issue([index, "values"], `'${value}' is listed twice in this rule.`);
        seen.add(normalise(value));
      }
      const key = setKey(named);
      const earlier = exactSets.get(key);
      if (earlier !== undefined) return issue([index, "values"], `Rule ${earlier + 1} already matches ${named.join(", ")}.`);
      exactSets.set(key, index);
    });
  })
  .transform(({ multiValued, rules }) => ({
    multiValued,
    rules: rules.map((rule) => ({ ...rule, values: rule.kind === "default" ? [] : rule.values.filter((value) => value !== "") })),
  }));

/** The rules whose account type is not one of the district's, as form paths and sentences. */
export function unknownAccountTypes(rules: AccountTypeRules, accountTypeNames: readonly string[]): { path: (string | number)[]; message: string }[] {
  const known = new Set(accountTypeNames.map(normalise));
  return rules.rules.flatMap((rule, index) =>
    known.has(normalise(rule.accountType))
      ? []
      : [{ path: ["rules", index, "accountType"], message: `'${rule.accountType}' is not one of the district's account types (${accountTypeNames.join(", ")}).` }],
  );
}

/** Seed 003's written form, one rule a line: "employee,student => Staff", "CONTAINS student => Student", "DEFAULT => Guest". */
export function formatRulesText(rules: readonly AccountTypeRule[]): string {
  return rules
    .map((rule) => {
      const left = rule.kind === "default" ? "DEFAULT" : rule.kind === "contains" ? `CONTAINS ${rule.values[0] ?? ""}` : rule.values.join(",");
      return `${left} => ${rule.accountType}`;
    })
    .join("\n");
}

/** Reads the written form back (bullets and blank lines ignored); the first unreadable line is named. */
export function parseRulesText(text: string): { ok: true; rules: AccountTypeRule[] } | { ok: false; message: string } {
  const rules: AccountTypeRule[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/^\s*[•*-]\s*/, "").trim();
    if (line === "") continue;
    const arrow = line.indexOf("=>");
    const left = arrow >= 0 ? line.slice(0, arrow).trim() : "";
    const accountType = arrow >= 0 ? line.slice(arrow + 2).trim() : "";
    if (arrow < 0 || left === "" || accountType === "") {
      return { ok: false, message: `Line ${index + 1} ("${line}") is not a rule. Write it as "values => Account type", e.g. "CONTAINS student => Student".` };
    }
    const contains = /^contains\s+(.+)$/i.exec(left);
    if (/^default$/i.test(left)) rules.push({ kind: "default", values: [], accountType });
    else if (contains) rules.push({ kind: "contains", values: [contains[1]!.trim()], accountType });
    else rules.push({ kind: "exact", values: left.split(",").map((value) => value.trim()), accountType });
  }
  return { ok: true, rules };
}
