// The filter grammar alone: every operator, AND/OR, quoting, and the errors a bad filter gets.
import { describe, expect, it } from "vitest";
import { OneRosterError } from "./errors";
import { MAX_PREDICATES, parseFilter } from "./filter";

function errorOf(text: string): OneRosterError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof OneRosterError) return error;
    throw error;
  }
  throw new Error(`parsed without an error: ${text}`);
}

describe("parseFilter", () => {
  it.each(["=", "!=", ">", ">=", "<", "<=", "~"] as const)("reads the %s operator", (operator) => {
    expect(parseFilter(`familyName${operator}'Smith'`)).toEqual({ anyOf: [[{ field: "familyName", operator, value: "Smith" }]] });
  });

  it("allows spaces around the operator and at either end", () => {
    expect(parseFilter("  status = 'active'  ")).toEqual({ anyOf: [[{ field: "status", operator: "=", value: "active" }]] });
  });

  it("reads a reference's sourcedId as a dotted field", () => {
    expect(parseFilter("school.sourcedId='sch-1'").anyOf[0]).toEqual([{ field: "school.sourcedId", operator: "=", value: "sch-1" }]);
  });

  it("keeps spaces, operators and keywords inside a quoted value", () => {
    expect(parseFilter("title='Art AND Design >= 2'").anyOf[0]![0]!.value).toBe("Art AND Design >= 2");
  });

  it("reads a doubled quote as one quote inside a value, and allows an empty value", () => {
    expect(parseFilter("familyName='O''Brien'").anyOf[0]![0]!.value).toBe("O'Brien");
    expect(parseFilter("middleName=''").anyOf[0]![0]!.value).toBe("");
  });

  it("groups AND inside OR", () => {
    expect(parseFilter("role='student' AND grades='09' OR role='teacher'")).toEqual({
      anyOf: [
        [
          { field: "role", operator: "=", value: "student" },
          { field: "grades", operator: "=", value: "09" },
        ],
        [{ field: "role", operator: "=", value: "teacher" }],
      ],
    });
  });

  it("accepts the logical operators in any case", () => {
    expect(parseFilter("a='1' and b='2' or c='3'").anyOf).toHaveLength(2);
  });

  it.each([
    ["", "Expected a field name"],
    ["='x'", "Expected a field name"],
    ["status", "Expected an operator"],
    ["status=='active'", "must be in single quotes"],
    ["status=active", "must be in single quotes"],
    ['status="active"', "must be in single quotes"],
    ["status='active", "no closing quote"],
    ["status='active' XOR role='student'", "Expected AND or OR"],
    ["status='active' role='student'", "Expected AND or OR"],
    ["status='active' AND", "predicate after AND"],
    ["status='active' AND ", "predicate after AND"],
    ["school.='x'", "after 'school.'"],
    ["a.b.c='x'", "Expected an operator"],
    ["status='a'ANDrole='b'", "Expected AND or OR"],
  ])("refuses %j with invalid_filter_field", (text, message) => {
    const error = errorOf(text);
    expect(error.status).toBe(400);
    expect(error.codeMinor).toBe("invalid_filter_field");
    expect(error.description).toContain(message);
  });

  it("refuses filters with too many predicates or characters", () => {
    const many = Array.from({ length: MAX_PREDICATES + 1 }, (_, index) => `a='${index}'`).join(" OR ");
    expect(errorOf(many).description).toContain("more than");
    expect(errorOf(`a='${"x".repeat(2100)}'`).description).toContain("longer than");
  });
});
