// A district's OneRoster CSV zip: the manifest, a file per entity with its rows in OneRoster
// 1.1 column order, bulk holding current records and delta the rows changed since a date.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportOneRosterZip } from "@/lib/deliveries/export";
import { emptyDistrict, generatedDistrict, zipFiles } from "@/lib/deliveries/export/test-support";
import { ROSTER_ENTITIES } from "@/lib/roster/types";
import { headerOf } from "@/test/oneroster-zip";

const dir = mkdtempSync(path.join(tmpdir(), "rollcall-export-"));
const manifestOf = (files: Record<string, string[][]>) => Object.fromEntries(files["manifest.csv"]!.slice(1).map(([name, value]) => [name, value]));

describe("exporting a district as a OneRoster CSV zip", () => {
  let districtId: string;

  beforeAll(async () => {
    districtId = (await generatedDistrict(60)).id;
  });

  it("writes the manifest and one bulk file per entity, every active row in OneRoster 1.1 column order", async () => {
    const progress: number[] = [];
    const zipPath = path.join(dir, "bulk.zip");
    const result = await exportOneRosterZip(districtId, zipPath, { onProgress: (rows) => progress.push(rows) });
    const files = await zipFiles(zipPath);

    expect(manifestOf(files)).toMatchObject({
      "manifest.version": "1.0",
      "oneroster.version": "1.1",
      "file.users": "bulk",
      "file.enrollments": "bulk",
      "file.demographics": "bulk",
      "file.lineItems": "absent",
      "file.results": "absent",
      "source.systemName": "Rollcall",
    });
    expect(Object.keys(files).sort()).toEqual(["manifest.csv", ...ROSTER_ENTITIES.map((entity) => `${entity}.csv`)].sort());

    const users = await db().rosterUser.count({ where: { districtId } });
    const enrollments = await db().enrollment.count({ where: { districtId } });
    for (const entity of ROSTER_ENTITIES) {
      const [header, ...rows] = files[`${entity}.csv`]!;
      expect(header!.join(","), entity).toBe(headerOf(entity));
      expect(rows.length, entity).toBe(result.rowsByFile[`${entity}.csv`]);
      expect(rows.every((row) => row[1] === "active" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(row[2]!)), entity).toBe(true);
    }
    expect(result.rowsByFile["users.csv"]).toBe(users);
    expect(result.rowsByFile["enrollments.csv"]).toBe(enrollments);
    expect(result.rows).toBe(Object.values(result.rowsByFile).reduce((sum, rows) => sum + rows, 0));
    expect(progress.at(-1)).toBe(result.rows);
    expect(result).toMatchObject({ name: "bulk.zip", path: zipPath });
  });

  it("reports the bytes and SHA-256 of the file it wrote", async () => {
    const zipPath = path.join(dir, "hashed.zip");
    const result = await exportOneRosterZip(districtId, zipPath);
    const bytes = readFileSync(zipPath);
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("writes a user's fields as the OneRoster columns hold them", async () => {
    const user = await db().rosterUser.findFirstOrThrow({ where: { districtId, role: "student" }, orderBy: { sourcedId: "asc" } });
    await db().rosterUser.update({ where: { id: user.id }, data: { middleName: 'Jo "JJ",\nJr', userIds: [{ type: "SIS", identifier: "S-1" }, { type: "LDAP", identifier: "jj" }] } });
    const zipPath = path.join(dir, "fields.zip");
    await exportOneRosterZip(districtId, zipPath);
    const [header, ...rows] = (await zipFiles(zipPath))["users.csv"]!;
    const row = Object.fromEntries(header!.map((name, index) => [name, rows.find((cells) => cells[0] === user.sourcedId)![index]]));
    expect(row).toMatchObject({
      enabledUser: "true",
      role: "student",
      givenName: user.givenName,
      middleName: 'Jo "JJ",\nJr',
      userIds: "{SIS:S-1},{LDAP:jj}",
      orgSourcedIds: user.orgSourcedIds.join(","),
      grades: user.grades.join(","),
      password: "",
    });
  });

  it("leaves tobedeleted records out of bulk and puts only changed rows, with their status, in a delta", async () => {
    const since = new Date(Date.now() + 60_000);
    const later = new Date(since.getTime() + 60_000);
    const [retired, renamed] = await db().rosterUser.findMany({ where: { districtId, role: "student" }, orderBy: { sourcedId: "desc" }, take: 2 });
    await db().rosterUser.update({ where: { id: retired!.id }, data: { status: "tobedeleted", dateLastModified: later } });
    await db().rosterUser.update({ where: { id: renamed!.id }, data: { givenName: "Renamed", dateLastModified: later } });

    const bulkPath = path.join(dir, "after.zip");
    const bulk = await exportOneRosterZip(districtId, bulkPath);
    const bulkUsers = (await zipFiles(bulkPath))["users.csv"]!.slice(1);
    expect(bulkUsers.some((row) => row[0] === retired!.sourcedId)).toBe(false);
    expect(bulk.rowsByFile["users.csv"]).toBe((await db().rosterUser.count({ where: { districtId } })) - 1);

    const deltaPath = path.join(dir, "delta.zip");
    const delta = await exportOneRosterZip(districtId, deltaPath, { deltaSince: since });
    const files = await zipFiles(deltaPath);
    expect(manifestOf(files)).toMatchObject({ "file.users": "delta", "file.enrollments": "absent", "file.orgs": "absent" });
    expect(Object.keys(files).sort()).toEqual(["manifest.csv", "users.csv"]);
    const rows = files["users.csv"]!.slice(1).map((row) => [row[0], row[1], row[8]]);
    expect(rows.sort()).toEqual(
      [
        [retired!.sourcedId, "tobedeleted", retired!.givenName],
        [renamed!.sourcedId, "active", "Renamed"],
      ].sort(),
    );
    expect(delta.rows).toBe(2);
  });

  it("writes only the manifest for a district without a roster", async () => {
    const zipPath = path.join(dir, "empty.zip");
    const result = await exportOneRosterZip((await emptyDistrict()).id, zipPath);
    const files = await zipFiles(zipPath);
    expect(Object.keys(files)).toEqual(["manifest.csv"]);
    expect(manifestOf(files)["file.users"]).toBe("absent");
    expect(result.rows).toBe(0);
  });
});
