// PATCH bodies as Entra ID, Okta and RFC 7644 send them, applied to one stored user: the
// attributes that result, or the error the client is told.
import { describe, expect, it } from "vitest";
import { applyPatch, parsePatchBody } from "@/lib/scim/patch";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const stored = {
  userName: "ada@school.test",
  externalId: "e-1",
  active: true,
  name: { givenName: "Ada", familyName: "Lovelace" },
  emails: [{ value: "ada@school.test", type: "work", primary: true }],
};
const body = (...Operations: object[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

const results: [string, object, Record<string, unknown>][] = [
  ["Entra: active as the string False", body({ op: "Replace", path: "active", value: "False" }), { ...stored, active: false }],
  ["Entra: reactivation as True", body({ op: "replace", path: "active", value: "True" }), stored],
  [
    "Entra: work email and family name",
    body({ op: "Replace", path: 'emails[type eq "work"].value', value: "ada.king@school.test" }, { op: "Replace", path: "name.familyName", value: "King" }),
    { ...stored, name: { givenName: "Ada", familyName: "King" }, emails: [{ value: "ada.king@school.test", type: "work", primary: true }] },
  ],
  [
    "Entra: Add on a filtered path with no match creates the item",
    body({ op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" }),
    { ...stored, phoneNumbers: [{ type: "mobile", value: "+1 555 0100" }] },
  ],
  ["Entra: manager as a bare id", body({ op: "Add", path: `${ENTERPRISE}:manager`, value: "5c8b" }), { ...stored, [ENTERPRISE]: { manager: { value: "5c8b" } } }],
  ["Entra: extension attribute", body({ op: "Add", path: `${ENTERPRISE}:employeeNumber`, value: "701984" }), { ...stored, [ENTERPRISE]: { employeeNumber: "701984" } }],
  [
    "Entra: app role with primary \"True\"",
    body({ op: "Add", path: "roles", value: [{ primary: "True", type: "WindowsAzureActiveDirectoryRole", value: "Teacher" }] }),
    { ...stored, roles: [{ primary: true, type: "WindowsAzureActiveDirectoryRole", value: "Teacher" }] },
  ],
  ["any client: names and op in another case", body({ op: "REPLACE", path: "Name.GivenName", value: "Augusta" }), { ...stored, name: { givenName: "Augusta", familyName: "Lovelace" } }],
  ["Okta: replace without path", body({ op: "replace", value: { active: false } }), { ...stored, active: false }],
  [
    "Okta: several attributes without path, dotted and with a URN",
    body({ op: "replace", value: { "name.givenName": "Augusta", displayName: "Augusta King", [`${ENTERPRISE}:department`]: "Math" } }),
    { ...stored, name: { givenName: "Augusta", familyName: "Lovelace" }, displayName: "Augusta King", [ENTERPRISE]: { department: "Math" } },
  ],
  ["RFC: remove a filtered item", body({ op: "remove", path: 'emails[type eq "work"]' }), (({ emails: _emails, ...rest }) => rest)(stored)],
  ["RFC: remove a missing attribute is no error", body({ op: "remove", path: "nickName" }), stored],
  [
    "RFC: add to a multi-valued attribute",
    body({ op: "add", path: "emails", value: [{ value: "ada@home.test", type: "home" }] }),
    { ...stored, emails: [...stored.emails, { value: "ada@home.test", type: "home" }] },
  ],
  ["RFC: replace a complex attribute's members", body({ op: "replace", path: "name", value: { familyName: "Byron" } }), { ...stored, name: { givenName: "Ada", familyName: "Byron" } }],
  ["RFC: a null value unassigns", body({ op: "replace", path: "externalId", value: null }), (({ externalId: _externalId, ...rest }) => rest)(stored)],
];

const failures: [string, object, string][] = [
  ["changing id", body({ op: "replace", path: "id", value: "x" }), "mutability"],
  ["changing meta", body({ op: "replace", path: "meta.created", value: "2020-01-01" }), "mutability"],
  ["writing the read-only groups", body({ op: "add", path: "groups", value: [{ value: "g" }] }), "mutability"],
  ["an unknown op", body({ op: "move", path: "title", value: "x" }), "invalidSyntax"],
  ["remove without a path", body({ op: "remove" }), "noTarget"],
  ["replace on a filtered sub-path of a missing item with no way to add", body({ op: "replace", path: 'emails[type ne "work"].value', value: "x" }), "noTarget"],
  ["add without a value", body({ op: "add", path: "title" }), "invalidSyntax"],
  ["an unreadable path", body({ op: "replace", path: 'emails[type eq "work"', value: "x" }), "invalidPath"],
  ["a boolean that is none", body({ op: "replace", path: "active", value: "Perhaps" }), "invalidValue"],
  ["removing the userName", body({ op: "remove", path: "userName" }), "invalidValue"],
  ["no Operations", { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"] }, "invalidSyntax"],
  ["a value that is not an object without a path", body({ op: "replace", value: "active" }), "invalidValue"],
  ["the wrong message schema", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], Operations: [{ op: "replace", path: "title", value: "x" }] }, "invalidSyntax"],
];

describe("PATCH as identity providers send it", () => {
  it.each(results)("%s", (_name, patch, expected) => {
    expect(applyPatch("User", stored, parsePatchBody(patch))).toEqual(expected);
  });

  it.each(failures)("refuses %s", (_name, patch, scimType) => {
    expect(() => applyPatch("User", stored, parsePatchBody(patch))).toThrow(expect.objectContaining({ status: 400, scimType }));
  });

  it("never changes the stored resource it was given", () => {
    const copy = structuredClone(stored);
    applyPatch("User", copy, parsePatchBody(body({ op: "replace", path: "name.givenName", value: "X" })));
    expect(copy).toEqual(stored);
  });
});
