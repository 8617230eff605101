// The round trip of issue 11: a OneRoster CSV export of a generated district, imported into an
// empty district through the roster import pipeline, gives the same people, classes and enrollments.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportOneRosterZip } from "@/lib/deliveries/export";
import { emptyDistrict, generatedDistrict } from "@/lib/deliveries/export/test-support";
import { applyOneRosterZip } from "@/lib/imports/oneroster";

async function rosterOf(districtId: string) {
  const users = await db().rosterUser.findMany({
    where: { districtId },
    select: { sourcedId: true, givenName: true, familyName: true, middleName: true, email: true, username: true, role: true, orgSourcedIds: true, grades: true, agentSourcedIds: true, userIds: true },
  });
  const classes = await db().class.findMany({
    where: { districtId },
    select: { sourcedId: true, title: true, classCode: true, classType: true, courseSourcedId: true, schoolSourcedId: true, termSourcedIds: true, grades: true, periods: true },
  });
  const enrollments = await db().enrollment.findMany({
    where: { districtId },
    select: { sourcedId: true, userSourcedId: true, classSourcedId: true, schoolSourcedId: true, role: true, primary: true, beginDate: true, endDate: true },
  });
  const bySourcedId = (a: { sourcedId: string }, b: { sourcedId: string }) => (a.sourcedId < b.sourcedId ? -1 : a.sourcedId > b.sourcedId ? 1 : 0);
  return { users: users.sort(bySourcedId), classes: classes.sort(bySourcedId), enrollments: enrollments.sort(bySourcedId) };
}

describe("a OneRoster CSV export imported into an empty district", () => {
  it("gives the same people, classes and enrollments", async () => {
    const source = await generatedDistrict(300);
    const zipPath = path.join(mkdtempSync(path.join(tmpdir(), "rollcall-round-trip-")), "roster.zip");
    const exported = await exportOneRosterZip(source.id, zipPath);

    const target = await emptyDistrict();
    const result = await applyOneRosterZip(target.id, readFileSync(zipPath), undefined, "roster.zip");
    expect(result.issues.filter((issue) => issue.kind !== "warning")).toEqual([]);
    expect(result.counts.create).toBe(exported.rows);

    const before = await rosterOf(source.id);
    const after = await rosterOf(target.id);
    expect(before.users.length).toBeGreaterThan(300);
    expect(before.enrollments.length).toBeGreaterThan(1000);
    expect(after.users).toEqual(before.users);
    expect(after.classes).toEqual(before.classes);
    expect(after.enrollments).toEqual(before.enrollments);
  });
});
