// The readers of single OneRoster values: what they accept, how they normalise it, and the
// sentence a district admin reads when a value is wrong.
import { describe, expect, it } from "vitest";
import { readBoolean, readDate, readDateTime, readEmail, readEnum, readGrades, readList, readUserIds, readYear } from "@/lib/imports/oneroster/values";

describe("OneRoster value readers", () => {
  it("reads calendar dates only", () => {
    expect(readDate("2028-02-29")).toEqual({ ok: true, value: "2028-02-29" });
    expect(readDate("2027-02-29")).toEqual({ ok: false, message: "'2027-02-29' is not a date in the form YYYY-MM-DD (such as 2026-08-17)." });
    expect(readDate("08/17/2026").ok).toBe(false);
    expect(readDateTime("2026-08-17T09:30:00.000Z").ok).toBe(true);
    expect(readDateTime("2026-08-17").ok).toBe(true);
    expect(readDateTime("yesterday")).toEqual({ ok: false, message: "'yesterday' is not a date and time in the form 2026-08-17T09:30:00Z." });
  });

  it("reads true and false in any case, and nothing else", () => {
    expect(readBoolean("TRUE")).toEqual({ ok: true, value: true });
    expect(readBoolean("false")).toEqual({ ok: true, value: false });
    expect(readBoolean("yes")).toEqual({ ok: false, message: "'yes' is not true or false." });
  });

  it("matches vocabularies without regard to case and gives them back as spelled", () => {
    expect(readEnum("Student", ["student", "teacher"], "a role")).toEqual({ ok: true, value: "student" });
    expect(readEnum("pupil", ["student", "teacher"], "a role")).toEqual({ ok: false, message: "'pupil' is not a role: use one of student, teacher." });
  });

  it("reads grade codes, writing a single digit as its two-digit code", () => {
    expect(readGrades("KG,1,09,Other")).toEqual({ ok: true, value: ["KG", "01", "09", "Other"] });
    expect(readGrades("")).toEqual({ ok: true, value: [] });
    expect(readGrades("09,Grade 10")).toEqual({ ok: false, message: "'Grade 10' is not a grade code: use KG, 01 to 13, PK, TK, PS, IT, PR, UG or Other." });
    expect(readGrades("14").ok).toBe(false);
  });

  it("reads lists and userIds", () => {
    expect(readList(" a, b,,c ")).toEqual(["a", "b", "c"]);
    expect(readUserIds("{LDAP:jsmith},{SIS:12 345}")).toEqual({ ok: true, value: [{ type: "LDAP", identifier: "jsmith" }, { type: "SIS", identifier: "12 345" }] });
    expect(readUserIds("jsmith")).toEqual({ ok: false, message: "'jsmith' is not a list of {type:identifier} pairs (such as {LDAP:jsmith},{SIS:12345})." });
  });

  it("reads email addresses loosely and school years strictly", () => {
    expect(readEmail("o'brien+1@school.k12.example").ok).toBe(true);
    expect(readEmail("jsmith@")).toEqual({ ok: false, message: "'jsmith@' is not an email address." });
    expect(readYear("2027").ok).toBe(true);
    expect(readYear("2026-27")).toEqual({ ok: false, message: "'2026-27' is not a school year such as 2027 (for 2026-2027)." });
  });
});
