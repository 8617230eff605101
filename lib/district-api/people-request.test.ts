// The upsert API's body rules, item by item: what reaches the import pipeline and what is refused.
import { describe, expect, it } from "vitest";
import { checkPerson, parsePeopleRequest } from "@/lib/district-api/people-request";

describe("checkPerson", () => {
  it("passes strings trimmed, a numeric graduation year as a string, and leaves out nulls and blanks", () => {
    expect(checkPerson({ email: " ada@district.test ", graduation_year: 2031, netid: "007", grade: "", school: null, status: "inactive" })).toEqual({
      ok: true,
      values: { email: "ada@district.test", graduation_year: "2031", netid: "007", status: "inactive" },
    });
  });

  it("names each unknown property and each value of the wrong type", () => {
    const checked = checkPerson({ email: "ada@district.test", firstName: "Ada", netid2: 7, status: true });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        { field: "firstName", message: expect.stringContaining("Unknown property “firstName”. The properties a person can have are email, first_name,") },
        { field: "netid2", message: "netid2 must be a string (or left out to keep the current value)." },
        { field: "status", message: expect.stringContaining("status must be a string") },
      ]),
    );
    expect(checked.errors).toHaveLength(3);
  });
});

describe("parsePeopleRequest", () => {
  it("reads a bare object as one person and a people list in order", () => {
    expect(parsePeopleRequest({ email: "a@district.test" })).toEqual({ ok: true, items: [{ ok: true, values: { email: "a@district.test" } }] });
    const list = parsePeopleRequest({ people: [{ netid: "1" }, [], { netid: "3" }] });
    expect(list.ok && list.items.map((item) => item.ok)).toEqual([true, false, true]);
  });
});
