// My apps and /launch against a real PostgreSQL: a person sees and opens only what their own
// district turned on for their role.
import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import type { RosterRole } from "@/generated/prisma/client";
import type { SignedInPerson } from "@/lib/auth/person-session";
import { db } from "@/lib/db";
import { appsForPerson, launchTarget } from "@/lib/launch/portal";
import { createActivation, createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

async function createPerson(districtId: string, role: RosterRole): Promise<SignedInPerson> {
  const sourcedId = `p-${randomUUID().slice(0, 8)}`;
  const person = await db().rosterUser.create({
    data: { districtId, sourcedId, username: sourcedId, givenName: "Sam", familyName: "Reyes", role, email: `${sourcedId}@school.test` },
    include: { district: true },
  });
  return {
    id: person.id,
    sourcedId,
    districtId,
    districtGuid: person.district.districtGuid,
    districtName: person.district.name,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    role,
  };
}

async function createApplication(name: string, launchUrl: string | null = `https://${randomUUID().slice(0, 8)}.app.test/launch`) {
  const { application } = await createVendorWithApplication(`${name} Inc`);
  return db().application.update({ where: { id: application.id }, data: { name, launchUrl } });
}

describe("My apps", () => {
  let districtId: string;
  let student: SignedInPerson;
  let teacher: SignedInPerson;

  beforeEach(async () => {
    districtId = (await createDistrictAdmin()).districtId!;
    student = await createPerson(districtId, "student");
    teacher = await createPerson(districtId, "teacher");
  });

  it("lists the district's active applications, minus those hidden from the person's role", async () => {
    const math = await createApplication("Math Studio");
    const reading = await createApplication("Reading Lab", null);
    const gradebook = await createApplication("Gradebook");
    const retired = await createApplication("Retired Tool");
    const notActivated = await createApplication("Never Activated");
    await createActivation(districtId, math.id);
    await createActivation(districtId, reading.id);
    await db().activation.update({
      where: { id: (await createActivation(districtId, gradebook.id)).id },
      data: { hiddenFromRoles: ["student", "aide"] },
    });
    await createActivation(districtId, retired.id, { status: "deactivated" });

    expect(await appsForPerson(student)).toEqual([
      { applicationId: math.id, name: "Math Studio", vendorName: "Math Studio Inc", launchable: true },
      { applicationId: reading.id, name: "Reading Lab", vendorName: "Reading Lab Inc", launchable: false },
    ]);
    expect((await appsForPerson(teacher)).map((tile) => tile.name)).toEqual(["Gradebook", "Math Studio", "Reading Lab"]);
    expect((await appsForPerson(teacher)).map((tile) => tile.applicationId)).not.toContain(notActivated.id);
  });

  it("never shows or opens another district's activation", async () => {
    const otherDistrictId = (await createDistrictAdmin()).districtId!;
    const elsewhere = await createApplication("Only Elsewhere");
    await createActivation(otherDistrictId, elsewhere.id);

    expect(await appsForPerson(student)).toEqual([]);
    expect(await launchTarget(student, elsewhere.id)).toEqual({ ok: false, problem: "unavailable" });
  });

  it("opens a visible application's launch URL with a token for that application and person", async () => {
    const math = await createApplication("Math Studio", "https://math.app.test/rollcall/launch?tenant=7");
    await createActivation(districtId, math.id);

    const target = await launchTarget(teacher, math.id);
    expect(target.ok).toBe(true);
    const location = new URL(target.ok ? target.location : "");
    expect(`${location.origin}${location.pathname}`).toBe("https://math.app.test/rollcall/launch");
    expect(location.searchParams.get("tenant")).toBe("7");
    expect(decodeJwt(location.searchParams.get("launch_token") ?? "")).toMatchObject({
      aud: math.id,
      sub: teacher.sourcedId,
      districtGUID: teacher.districtGuid,
      role: "teacher",
      email: teacher.email,
    });
  });

  it("explains instead of opening an application that is hidden, turned off or not ready", async () => {
    const hidden = await createApplication("Gradebook");
    const off = await createApplication("Retired Tool");
    const notReady = await createApplication("Reading Lab", null);
    await db().activation.update({ where: { id: (await createActivation(districtId, hidden.id)).id }, data: { hiddenFromRoles: ["student"] } });
    await createActivation(districtId, off.id, { status: "deactivated" });
    await createActivation(districtId, notReady.id);

    expect(await launchTarget(student, hidden.id)).toEqual({ ok: false, problem: "unavailable" });
    expect(await launchTarget(student, off.id)).toEqual({ ok: false, problem: "unavailable" });
    expect(await launchTarget(student, notReady.id)).toEqual({ ok: false, problem: "not_ready" });
    expect(await launchTarget(student, "not-a-uuid")).toEqual({ ok: false, problem: "unavailable" });
  });
});

describe("My apps of a suspended tenant", () => {
  it("offers nothing of a suspended district or vendor, and launches nothing, until resumed", async () => {
    const districtId = (await createDistrictAdmin()).districtId!;
    const student = await createPerson(districtId, "student");
    const math = await createApplication("Math Studio");
    const reading = await createApplication("Reading Lab");
    await createActivation(districtId, math.id);
    await createActivation(districtId, reading.id);

    await db().vendor.update({ where: { id: math.vendorId }, data: { suspendedAt: new Date() } });
    expect((await appsForPerson(student)).map((tile) => tile.name)).toEqual(["Reading Lab"]);
    expect(await launchTarget(student, math.id)).toEqual({ ok: false, problem: "unavailable" });

    await db().district.update({ where: { id: districtId }, data: { suspendedAt: new Date() } });
    expect(await appsForPerson(student)).toEqual([]);
    expect(await launchTarget(student, reading.id)).toEqual({ ok: false, problem: "unavailable" });

    await db().district.update({ where: { id: districtId }, data: { suspendedAt: null } });
    await db().vendor.update({ where: { id: math.vendorId }, data: { suspendedAt: null } });
    expect((await appsForPerson(student)).map((tile) => tile.name)).toEqual(["Math Studio", "Reading Lab"]);
  });
});
