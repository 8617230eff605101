import { describe, expect, it } from "vitest";
import { accountTypeRulesSchema, decideAccountType, DEFAULT_ACCOUNT_TYPE_RULES, formatRulesText, parseRulesText, unknownAccountTypes } from "@/lib/sso/account-type-rules";
import { DEFAULT_ACCOUNT_TYPES } from "@/lib/imports/people/account-types-schema";
import type { AccountTypeRule, AccountTypeRules } from "@/lib/sso/types";

const exact = (values: string[], accountType: string): AccountTypeRule => ({ kind: "exact", values, accountType });
const contains = (value: string, accountType: string): AccountTypeRule => ({ kind: "contains", values: [value], accountType });
const fallback = (accountType: string): AccountTypeRule => ({ kind: "default", values: [], accountType });

const decided = (rules: AccountTypeRules, values: string[]) => {
  const decision = decideAccountType(rules, values);
  return decision && { accountType: decision.accountType, explanation: decision.explanation };
};

describe("decideAccountType: seed 003's multi-valued example", () => {
  const seed: AccountTypeRules = {
    multiValued: true,
    rules: [exact(["employee", "student"], "Student Employee"), exact(["faculty"], "Staff & Faculty"), contains("student", "Student"), fallback("Guest")],
  };
  it.each([
    [["student"], "Student", "CONTAINS student"],
    [["employee", "student"], "Student Employee", "exact combination employee, student"],
    [["student", "employee"], "Student Employee", "exact combination employee, student"],
    [["faculty"], "Staff & Faculty", "exact combination faculty"],
    [["faculty", "employee"], "Guest", "DEFAULT (no other rule matched)"],
    [["alum"], "Guest", "DEFAULT (no other rule matched)"],
    [["Student"], "Student", "CONTAINS student"],
    [[], "Guest", "DEFAULT (no other rule matched)"],
  ])("%j → %s by %s", (values, accountType, explanation) => {
    expect(decided(seed, values)).toEqual({ accountType, explanation });
  });
});

describe("decideAccountType: precedence whatever the order listed", () => {
  const listedBackwards: AccountTypeRules = {
    multiValued: true,
    rules: [fallback("Guest"), contains("student", "Student"), contains("staff", "Staff"), exact(["student", "staff"], "Aide")],
  };
  it("an exact combination beats CONTAINS, which beats DEFAULT", () => {
    expect(decided(listedBackwards, ["staff", "student"])).toEqual({ accountType: "Aide", explanation: "exact combination student, staff" });
    expect(decided(listedBackwards, ["student", "member"])).toEqual({ accountType: "Student", explanation: "CONTAINS student" });
    expect(decided(listedBackwards, ["member"])?.accountType).toBe("Guest");
  });
  it("among matching CONTAINS rules the first listed wins", () => {
    expect(decided(listedBackwards, ["staff", "student", "member"])?.accountType).toBe("Student");
  });
  it("reports which rule fired", () => {
    expect(decideAccountType(listedBackwards, ["student", "staff"])).toMatchObject({ ruleIndex: 3, rule: listedBackwards.rules[3] });
  });
  it("compares values trimmed, without regard to case, and ignores duplicates and blanks", () => {
    expect(decided(listedBackwards, [" STAFF ", "Student", "student", ""])?.accountType).toBe("Aide");
    const upperRule: AccountTypeRules = { multiValued: true, rules: [exact([" Employee", "STUDENT "], "Staff")] };
    expect(decided(upperRule, ["employee", "student", "employee"])?.accountType).toBe("Staff");
  });
  it("an exact combination is set equality: a superset or subset does not match", () => {
    const rules: AccountTypeRules = { multiValued: true, rules: [exact(["employee", "student"], "Staff")] };
    expect(decideAccountType(rules, ["employee", "student", "member"])).toBeNull();
    expect(decideAccountType(rules, ["employee"])).toBeNull();
  });
  it("gives null when no rule applies and there is no DEFAULT", () => {
    expect(decideAccountType({ multiValued: true, rules: [contains("student", "Student")] }, ["alum"])).toBeNull();
    expect(decideAccountType({ multiValued: false, rules: [] }, ["student"])).toBeNull();
  });
});

describe("decideAccountType: single-valued", () => {
  const single: AccountTypeRules = {
    multiValued: false,
    rules: [exact(["student"], "Student"), exact(["faculty"], "Teacher"), exact(["staff"], "Staff"), fallback("Guest")],
  };
  it.each([
    [["student"], "Student", "value student"],
    [[" Faculty "], "Teacher", "value faculty"],
    [["faculty", "student"], "Teacher", "value faculty"],
    [["alum"], "Guest", "DEFAULT (no other rule matched)"],
    [[], "Guest", "DEFAULT (no other rule matched)"],
  ])("%j → %s by %s (the first value only)", (values, accountType, explanation) => {
    expect(decided(single, values)).toEqual({ accountType, explanation });
  });
  it("without a DEFAULT an unknown value decides nothing", () => {
    expect(decideAccountType({ ...single, rules: single.rules.slice(0, 3) }, ["alum"])).toBeNull();
  });
});

describe("DEFAULT_ACCOUNT_TYPE_RULES", () => {
  it("is valid and gives only the default account types", () => {
    expect(accountTypeRulesSchema.safeParse(DEFAULT_ACCOUNT_TYPE_RULES).success).toBe(true);
    expect(unknownAccountTypes(DEFAULT_ACCOUNT_TYPE_RULES, DEFAULT_ACCOUNT_TYPES.map((type) => type.accountType))).toEqual([]);
  });
  it("maps eduPersonAffiliation values and creates nobody from an unknown one", () => {
    expect(decideAccountType(DEFAULT_ACCOUNT_TYPE_RULES, ["faculty", "member"])?.accountType).toBe("Teacher");
    expect(decideAccountType(DEFAULT_ACCOUNT_TYPE_RULES, ["member", "student"])?.accountType).toBe("Student");
    expect(decideAccountType(DEFAULT_ACCOUNT_TYPE_RULES, ["alum"])).toBeNull();
  });
});

describe("accountTypeRulesSchema", () => {
  const messages = (input: unknown) => {
    const result = accountTypeRulesSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  it("accepts the seed's rules and tidies values", () => {
    const result = accountTypeRulesSchema.parse({ multiValued: true, rules: [exact([" employee ", "student"], " Staff "), { kind: "default", values: ["ignored"], accountType: "Guest" }] });
    expect(result.rules).toEqual([exact(["employee", "student"], "Staff"), fallback("Guest")]);
  });
  it("refuses CONTAINS and combinations for a single-valued attribute", () => {
    expect(messages({ multiValued: false, rules: [contains("student", "Student"), exact(["a", "b"], "Staff")] })).toEqual([
      ["rules.0.kind", "CONTAINS needs a multi-valued attribute. Use a rule for the value, or make the attribute multi-valued."],
      ["rules.1.values", "A single-valued attribute's rule names one value."],
    ]);
  });
  it("refuses a second DEFAULT, a repeated combination in any order, and a repeated CONTAINS value", () => {
    expect(
      messages({
        multiValued: true,
        rules: [fallback("Guest"), exact(["a", "b"], "Staff"), exact(["B", "a"], "Aide"), contains("x", "Student"), contains("X", "Teacher"), fallback("Student")],
      }),
    ).toEqual([
      ["rules.2.values", "Rule 2 already matches B, a."],
      ["rules.4.values", "CONTAINS X is already rule 4."],
      ["rules.5.kind", "There is already a DEFAULT rule (rule 1). Keep one."],
    ]);
  });
  it("asks for values, one per CONTAINS rule, and an account type", () => {
    expect(messages({ multiValued: true, rules: [exact([], "Staff"), { kind: "contains", values: ["a", "b"], accountType: "Student" }, exact(["a", " "], ""), exact(["c", "C"], "Aide")] })).toEqual([
      ["rules.2.accountType", "Choose the account type this rule gives."],
      ["rules.0.values", "Name at least one value for this combination."],
      ["rules.1.values", "A CONTAINS rule names exactly one value."],
      ["rules.2.values.1", "Write a value, or remove this one."],
      ["rules.3.values", "'C' is listed twice in this rule."],
    ]);
  });
  it("refuses an unknown kind", () => {
    expect(messages({ multiValued: true, rules: [{ kind: "startswith", values: ["a"], accountType: "Student" }] })).toEqual([["rules.0.kind", "Choose exact, CONTAINS or DEFAULT."]]);
  });
});

describe("unknownAccountTypes", () => {
  it("names the rules whose account type the district does not have", () => {
    expect(unknownAccountTypes({ multiValued: true, rules: [contains("student", "student"), fallback("Guest")] }, ["Student", "Teacher"])).toEqual([
      { path: ["rules", 1, "accountType"], message: "'Guest' is not one of the district's account types (Student, Teacher)." },
    ]);
  });
});

describe("the written form", () => {
  it("reads seed 003's lines, bullets and all, and writes them back", () => {
    const text = "  • employee,student => Student Employee\n\n- CONTAINS student => Student\nDEFAULT => Guest";
    const parsed = parseRulesText(text);
    expect(parsed).toEqual({ ok: true, rules: [exact(["employee", "student"], "Student Employee"), contains("student", "Student"), fallback("Guest")] });
    if (parsed.ok) expect(formatRulesText(parsed.rules)).toBe("employee,student => Student Employee\nCONTAINS student => Student\nDEFAULT => Guest");
  });
  it("names the line it cannot read", () => {
    expect(parseRulesText("student => Student\nfaculty Teacher")).toEqual({
      ok: false,
      message: 'Line 2 ("faculty Teacher") is not a rule. Write it as "values => Account type", e.g. "CONTAINS student => Student".',
    });
  });
});
