import { describe, expect, it } from "vitest";
import { indexPeople, planPeople, type ExistingPerson } from "@/lib/imports/people/plan";
import type { PersonFields } from "@/lib/imports/types";

function person(id: string, fields: Partial<ExistingPerson>): ExistingPerson {
  return {
    id,
    sourcedId: `s-${id}`,
    source: "spreadsheet",
    fieldSources: {},
    givenName: "Ada",
    familyName: "Lovelace",
    email: null,
    role: "student",
    netid: null,
    netid2: null,
    netid3: null,
    grades: [],
    orgSourcedIds: [],
    graduationYear: null,
    status: "active",
    ...fields,
  };
}

const ann = person("ann", { email: "ann@district.example", netid: "N-ANN", netid2: "M-ANN", netid3: "L-ANN" });
const bob = person("bob", { givenName: "Bob", email: "bob@district.example", netid: "N-BOB" });
const index = indexPeople([ann, bob]);

const row = (fields: PersonFields, line = 2) => ({ file: "people.csv", line, fields });
const planOne = (fields: PersonFields) => planPeople([row(fields)], index)[0]!;
const newPerson: PersonFields = { email: "new@district.example", givenName: "New", familyName: "Person", role: "student", accountType: "Student" };

describe("matching a row to a person (netid3 > netid2 > netid > email)", () => {
  it.each([
    ["netid3 alone", { netid3: "L-ANN" }, "ann", "netid3"],
    ["netid2 alone", { netid2: "M-ANN" }, "ann", "netid2"],
    ["netid alone", { netid: "N-ANN" }, "ann", "netid"],
    ["email alone, in another case", { email: "ANN@District.Example" }, "ann", "email"],
    ["netid3 wins over an unknown netid", { netid3: "L-ANN", netid: "N-NEW" }, "ann", "netid3"],
    ["an unknown netid3 falls through to netid2", { netid3: "L-NEW", netid2: "M-ANN" }, "ann", "netid2"],
    ["an unknown netid falls through to email", { netid: "N-NEW", email: "bob@district.example" }, "bob", "email"],
    ["all identifiers agree", { netid3: "L-ANN", netid2: "M-ANN", netid: "N-ANN", email: "ann@district.example" }, "ann", "netid3"],
  ] as const)("%s", (_name, fields, who, matchedBy) => {
    const planned = planOne(fields);
    expect(planned.outcome === "update" || planned.outcome === "unchanged").toBe(true);
    expect("person" in planned && planned.person.id).toBe(who);
    expect("matchedBy" in planned && planned.matchedBy).toBe(matchedBy);
  });

  it("is a conflict when identifiers point at two different people, and says who", () => {
    const planned = planOne({ netid: "N-ANN", email: "bob@district.example" });
    expect(planned.outcome).toBe("conflict");
    expect("issue" in planned && planned.issue.message).toMatch(/N-ANN.*Ada Lovelace.*bob@district\.example.*Bob Lovelace/);
  });

  it("is a conflict when one identifier belongs to two people", () => {
    const twins = indexPeople([person("a", { email: "same@district.example" }), person("b", { email: "same@district.example" })]);
    expect(planPeople([row({ email: "same@district.example" })], twins)[0]!.outcome).toBe("conflict");
  });
});

describe("what a matched row changes", () => {
  it("updates only the fields the row fills", () => {
    const planned = planOne({ netid: "N-ANN", familyName: "King", grades: ["05"] });
    expect(planned).toMatchObject({ outcome: "update", changes: { familyName: "King", grades: ["05"] } });
    expect("changes" in planned && Object.keys(planned.changes).sort()).toEqual(["familyName", "grades"]);
  });

  it("is unchanged when every filled field already holds", () => {
    expect(planOne({ netid: "N-ANN", givenName: "Ada", email: "ann@district.example" }).outcome).toBe("unchanged");
  });

  it("deactivates on status inactive, and reactivates a deactivated person named again", () => {
    expect(planOne({ netid: "N-ANN", status: "inactive" })).toMatchObject({ outcome: "deactivate", changes: { status: "tobedeleted" } });
    const gone = indexPeople([person("gone", { netid: "N-GONE", status: "tobedeleted" })]);
    expect(planPeople([row({ netid: "N-GONE" })], gone)[0]).toMatchObject({ outcome: "update", changes: { status: "active" } });
  });
});

describe("rows that match nobody", () => {
  it("create a person when email, names and account type are there", () => {
    expect(planOne(newPerson)).toMatchObject({ outcome: "create", values: { email: "new@district.example", role: "student" } });
  });

  it("are an error naming what a new person lacks", () => {
    const planned = planOne({ netid: "N-NEW", email: "new@district.example", givenName: "New" });
    expect(planned.outcome).toBe("error");
    expect("issue" in planned && planned.issue).toMatchObject({ column: "last_name", message: expect.stringMatching(/last_name, account_type are blank/) });
  });

  it("cannot be deactivated", () => {
    expect(planOne({ ...newPerson, status: "inactive" }).outcome).toBe("error");
  });
});

describe("one row per person in a file", () => {
  it("refuses a second row with the same identifier, naming the first line", () => {
    const [first, second] = planPeople([row(newPerson, 2), row({ ...newPerson, email: "NEW@district.example" }, 9)], index);
    expect(first!.outcome).toBe("create");
    expect(second).toMatchObject({ outcome: "error", issue: { line: 9, message: expect.stringContaining("same person as line 2") } });
  });

  it("refuses a second row reaching the same person by another identifier", () => {
    const [, second] = planPeople([row({ netid: "N-ANN" }, 2), row({ email: "ann@district.example" }, 3)], index);
    expect(second!.outcome).toBe("error");
  });
});
