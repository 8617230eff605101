// The vendor outbox account's view of its folder: a pure decision the server makes before touching the disk.
import { describe, expect, it } from "vitest";
import { resolveOutboxPath } from "@/lib/sftp/outbox-paths";

const GUID = "0b7e5a52-8f1d-4c1e-9a53-2f6c1d0e9b11";

describe("resolveOutboxPath", () => {
  it.each([
    [".", { kind: "root", path: "/" }],
    ["/", { kind: "root", path: "/" }],
    ["outbox", { kind: "outbox", path: "/outbox" }],
    ["/outbox/", { kind: "outbox", path: "/outbox" }],
    [`outbox/${GUID}`, { kind: "district", path: `/outbox/${GUID}`, districtGuid: GUID }],
    [`./outbox/${GUID}/users.csv`, { kind: "file", path: `/outbox/${GUID}/users.csv`, districtGuid: GUID, name: "users.csv" }],
    [`/outbox/../outbox//${GUID}/./oneroster.zip`, { kind: "file", path: `/outbox/${GUID}/oneroster.zip`, districtGuid: GUID, name: "oneroster.zip" }],
    [`/outbox/${GUID}/x/../users.csv`, { kind: "file", path: `/outbox/${GUID}/users.csv`, districtGuid: GUID, name: "users.csv" }],
  ])("keeps %s inside the account", (requested, expected) => {
    expect(resolveOutboxPath(requested)).toEqual(expected);
  });

  it.each([
    "..",
    "/..",
    "../other-application/outbox",
    `/outbox/${GUID}/../../../etc/passwd`,
    "/etc/passwd",
    "/inbox",
    "outbox/not-a-district",
    `outbox/${GUID.toUpperCase()}`,
    `outbox/${GUID}/sub/users.csv`,
    `outbox/${GUID}/.users.csv.part`,
    `outbox/${GUID}/.hidden`,
    `outbox/${GUID}/users\0.csv`,
  ])("refuses %s", (requested) => {
    expect(resolveOutboxPath(requested)).toBeNull();
  });
});
