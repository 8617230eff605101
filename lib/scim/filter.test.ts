// Filters as Entra ID, Okta and RFC 7644 write them, run against a small district of SCIM users
// in the database: who matches, or the error the client is told.
import { beforeAll, describe, expect, it } from "vitest";
import { districtWithToken, entraUser, type ScimAnswer } from "@/lib/scim/test-support";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
let list: (filter: string) => Promise<ScimAnswer>;

beforeAll(async () => {
  const { scim } = await districtWithToken();
  const people = [
    entraUser("ada@school.test", { externalId: "A-1", title: "Teacher", userType: "Employee", emails: [{ type: "work", value: "ada@school.test", primary: true }, { type: "home", value: "ada@home.test" }], [ENTERPRISE]: { employeeNumber: "100", department: "Math" } }),
    entraUser("bob@school.test", { externalId: "B-2", userType: "Student", active: false, emails: [{ type: "home", value: "bob@school.test" }], phoneNumbers: [{ type: "mobile", value: "555-0101" }] }),
    entraUser("Carol@Example.org", { externalId: "C-3", title: "Principal", userType: "Employee", name: { givenName: "Carol", familyName: "Danvers" }, [ENTERPRISE]: { employeeNumber: "300", manager: { value: "boss" } } }),
    entraUser("dan@school.test", { externalId: "d-4", userType: "Student", displayName: "Dan O'Brien", emails: [] }),
  ];
  for (const person of people) expect((await scim("POST", "/Users", person)).status).toBe(201);
  list = (filter) => scim("GET", `/Users?filter=${encodeURIComponent(filter)}&attributes=userName`);
});

const matches: [string, string, string[]][] = [
  ["Entra: userName eq, any case", 'userName eq "ADA@SCHOOL.TEST"', ["ada@school.test"]],
  ["Entra: externalId eq is exact", 'externalId eq "D-4"', []],
  ["Entra: externalId eq", 'externalId eq "d-4"', ["dan@school.test"]],
  ["Entra: work email, the way it writes it", 'emails[type eq "work"].value eq "ada@school.test"', ["ada@school.test"]],
  ["Entra: a home email is no work email, even beside one", 'emails[type eq "work"].value eq "ada@home.test"', []],
  ["Okta: userName eq with its operator in capitals", 'userName EQ "dan@school.test"', ["dan@school.test"]],
  ["RFC: sw", 'userName sw "carol"', ["Carol@Example.org"]],
  ["RFC: ew", 'userName ew "@school.test"', ["ada@school.test", "bob@school.test", "dan@school.test"]],
  ["RFC: co on a multi-valued attribute's value", 'emails co "home.test"', ["ada@school.test"]],
  ["RFC: pr", "title pr", ["ada@school.test", "Carol@Example.org"]],
  ["RFC: pr on a multi-valued attribute", "phoneNumbers pr", ["bob@school.test"]],
  ["RFC: and, or and grouping", 'userType eq "Employee" and (emails co "home.test" or title eq "principal")', ["ada@school.test", "Carol@Example.org"]],
  ["RFC: not", 'not (userType eq "Student")', ["ada@school.test", "Carol@Example.org"]],
  ["RFC: ne", 'userType ne "Student"', ["ada@school.test", "Carol@Example.org"]],
  ["RFC: boolean", "active eq false", ["bob@school.test"]],
  ["Entra: boolean as a string", 'active eq "True"', ["ada@school.test", "Carol@Example.org", "dan@school.test"]],
  ["RFC: value filter with and", 'emails[type eq "home" and value co "bob"]', ["bob@school.test"]],
  ["RFC: sub-attribute of a complex attribute", 'name.familyName eq "danvers"', ["Carol@Example.org"]],
  ["RFC: extension attribute by full path", `${ENTERPRISE}:employeeNumber gt "150"`, ["Carol@Example.org"]],
  ["RFC: extension sub-attribute", `${ENTERPRISE}:manager.value eq "boss"`, ["Carol@Example.org"]],
  ["RFC: attribute names in any case", 'DISPLAYNAME co "o\'brien"', ["dan@school.test"]],
  ["RFC: meta.lastModified", 'meta.lastModified gt "2000-01-01T00:00:00Z"', ["ada@school.test", "bob@school.test", "Carol@Example.org", "dan@school.test"]],
  ["RFC: meta.created in the future", 'meta.created ge "2999-01-01T00:00:00Z"', []],
  ["RFC: id that is no uuid", 'id eq "nope"', []],
];

const errors: [string, string][] = [
  ["an unknown attribute", 'favouriteColour eq "blue"'],
  ["an incomplete expression", 'userName eq "x" and'],
  ["an unknown operator", 'userName like "x"'],
  ["a null comparison", "title eq null"],
  ["ordering a boolean", "active gt true"],
  ["co on a date", 'meta.created co "2020"'],
  ["a date that is none", 'meta.created gt "yesterday"'],
  ["the write-only password", 'password eq "x"'],
  ["a value filter on a simple attribute", 'userName[value eq "x"]'],
  ["an unknown sub-attribute in a value filter", 'emails[colour eq "red"]'],
];

describe("SCIM filters on users", () => {
  it.each(matches)("%s: %s", async (_name, filter, expected) => {
    const answer = await list(filter);
    expect(answer.status).toBe(200);
    expect(answer.body.Resources.map((user: { userName: string }) => user.userName)).toEqual(expected);
    expect(answer.body.totalResults).toBe(expected.length);
  });

  it.each(errors)("answers 400 invalidFilter to %s", async (_name, filter) => {
    const answer = await list(filter);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: "400", scimType: "invalidFilter" });
  });
});
