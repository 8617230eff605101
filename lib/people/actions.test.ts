// Merging and "Not a duplicate" through the server actions, against a real PostgreSQL: what
// the survivor keeps, where enrollments go, what vendors see of the retired record, and who
// may do it.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { dismissDuplicateAction, mergePeopleAction } from "@/lib/people/actions";
import { findDuplicatePairs } from "@/lib/people/duplicates";
import { MERGE_FIELDS, type MergeField, type PairSide } from "@/lib/people/merge-schema";
import { createEnrollment, createPerson } from "@/lib/people/test-people";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

/** Every field from the given side, except those named. */
function choices(side: PairSide, overrides: Partial<Record<MergeField, PairSide>> = {}): Record<MergeField, PairSide> {
  return { ...(Object.fromEntries(MERGE_FIELDS.map((field) => [field, side])) as Record<MergeField, PairSide>), ...overrides };
}

const person = (id: string) => db().rosterUser.findUniqueOrThrow({ where: { id } });

let admin: SessionUser;
let districtId: string;

beforeEach(async () => {
  admin = await createDistrictAdmin();
  districtId = admin.districtId!;
  signInAs(admin);
});

describe("merging two records", () => {
  it("keeps the survivor with the chosen values and their sources, and retires the other as tobedeleted", async () => {
    const survivor = await createPerson(
      districtId,
      { givenName: "Sam", familyName: "Lee", email: "sam.lee@springfield.example", netid: null, grades: ["05"], source: "scim", fieldSources: { grades: "spreadsheet" } },
      { scimLinked: true },
    );
    const retired = await createPerson(districtId, {
      givenName: "Samuel",
      familyName: "Lee",
      email: "SAM.LEE@springfield.example",
      netid: "s1001",
      grades: ["06"],
      graduationYear: 2031,
      source: "spreadsheet",
      fieldSources: { netid: "api" },
    });
    const before = new Date(Date.now() - 1000);

    const merged = await mergePeopleAction({
      firstId: retired.id,
      secondId: survivor.id,
      survivor: "second",
      choices: choices("second", { givenName: "first", netid: "first", grades: "first", graduationYear: "first" }),
    });
    expect(merged).toEqual({
      ok: true,
      data: { survivorSourcedId: survivor.sourcedId, retiredSourcedId: retired.sourcedId, enrollmentsMoved: 0, enrollmentsRetired: 0 },
    });

    const kept = await person(survivor.id);
    expect(kept).toMatchObject({ givenName: "Samuel", familyName: "Lee", email: "sam.lee@springfield.example", netid: "s1001", grades: ["06"], graduationYear: 2031, status: "active" });
    expect(kept.fieldSources).toEqual({ givenName: "spreadsheet", netid: "api", grades: "spreadsheet", graduationYear: "spreadsheet" });
    expect(kept.dateLastModified.getTime()).toBeGreaterThan(before.getTime());

    const gone = await person(retired.id);
    expect(gone).toMatchObject({ status: "tobedeleted", enabledUser: false, mergedIntoId: survivor.id, givenName: "Samuel" });
    expect(gone.dateLastModified.getTime()).toBeGreaterThan(before.getTime());
    expect(await db().rosterChangeNotice.findUnique({ where: { districtId } })).not.toBeNull();
    expect((await findDuplicatePairs(districtId)).pairs).toEqual([]);
  });

  it("moves the retired record's enrollments to the survivor, retiring those in classes the survivor is already in", async () => {
    const survivor = await createPerson(districtId);
    const retired = await createPerson(districtId);
    const other = await createPerson(districtId);
    await createEnrollment(districtId, survivor.sourcedId, "math-5");
    const duplicateClass = await createEnrollment(districtId, retired.sourcedId, "math-5");
    const movedClass = await createEnrollment(districtId, retired.sourcedId, "art-5");
    const untouched = await createEnrollment(districtId, other.sourcedId, "art-5");
    const guardian = await createPerson(districtId, { role: "guardian", agentSourcedIds: [retired.sourcedId, other.sourcedId] });

    const merged = await mergePeopleAction({ firstId: survivor.id, secondId: retired.id, survivor: "first", choices: choices("first") });
    expect(merged).toMatchObject({ ok: true, data: { enrollmentsMoved: 1, enrollmentsRetired: 1 } });

    const enrollment = (id: string) => db().enrollment.findUniqueOrThrow({ where: { id } });
    expect(await enrollment(movedClass.id)).toMatchObject({ userSourcedId: survivor.sourcedId, status: "active" });
    expect(await enrollment(duplicateClass.id)).toMatchObject({ userSourcedId: retired.sourcedId, status: "tobedeleted" });
    expect(await enrollment(untouched.id)).toMatchObject({ userSourcedId: other.sourcedId, status: "active" });
    expect((await person(guardian.id)).agentSourcedIds.sort()).toEqual([survivor.sourcedId, other.sourcedId].sort());
  });

  it("lets records merged into the retired one follow it to the survivor", async () => {
    const survivor = await createPerson(districtId);
    const retired = await createPerson(districtId);
    const older = await createPerson(districtId, { mergedIntoId: retired.id, status: "tobedeleted" });
    expect(await mergePeopleAction({ firstId: survivor.id, secondId: retired.id, survivor: "first", choices: choices("first") })).toMatchObject({ ok: true });
    expect((await person(older.id)).mergedIntoId).toBe(survivor.id);
  });

  it("keeps the record linked to the identity provider: refuses to retire it, and refuses two linked records", async () => {
    const linked = await createPerson(districtId, { source: "scim" }, { scimLinked: true });
    const imported = await createPerson(districtId, { source: "spreadsheet" });
    const refused = await mergePeopleAction({ firstId: linked.id, secondId: imported.id, survivor: "second", choices: choices("second") });
    expect(refused).toMatchObject({ ok: false, formError: expect.stringContaining("is linked to your identity provider") });

    const alsoLinked = await createPerson(districtId, { source: "scim" }, { scimLinked: true });
    const both = await mergePeopleAction({ firstId: linked.id, secondId: alsoLinked.id, survivor: "first", choices: choices("first") });
    expect(both).toMatchObject({ ok: false, formError: expect.stringContaining("remove one of them in your identity provider") });

    for (const id of [linked.id, imported.id, alsoLinked.id]) expect(await person(id)).toMatchObject({ status: "active", mergedIntoId: null });
  });

  it("says a pair merged meanwhile is stale and changes nothing", async () => {
    const survivor = await createPerson(districtId);
    const retired = await createPerson(districtId);
    const third = await createPerson(districtId);
    expect(await mergePeopleAction({ firstId: survivor.id, secondId: retired.id, survivor: "first", choices: choices("first") })).toMatchObject({ ok: true });

    const again = await mergePeopleAction({ firstId: third.id, secondId: retired.id, survivor: "first", choices: choices("second") });
    expect(again).toMatchObject({ ok: false, code: "stale", formError: expect.stringContaining("was already merged") });
    expect(await person(third.id)).toMatchObject({ givenName: third.givenName, status: "active" });
    expect(await dismissDuplicateAction({ firstId: third.id, secondId: retired.id })).toMatchObject({ ok: false, code: "stale" });
  });

  it("refuses another district's records as not found, a vendor admin, and a record merged with itself", async () => {
    const mine = await createPerson(districtId);
    const other = await createDistrictAdmin();
    const theirs = await createPerson(other.districtId!);
    const theirsToo = await createPerson(other.districtId!);

    const foreign = await mergePeopleAction({ firstId: theirs.id, secondId: theirsToo.id, survivor: "first", choices: choices("first") });
    expect(foreign).toEqual({ ok: false, formError: expect.stringContaining("was not found in your district") });
    expect(await mergePeopleAction({ firstId: mine.id, secondId: theirs.id, survivor: "first", choices: choices("first") })).toMatchObject({ ok: false });
    expect(await dismissDuplicateAction({ firstId: theirs.id, secondId: theirsToo.id })).toEqual({ ok: false, formError: expect.stringContaining("was not found") });
    expect(await person(theirsToo.id)).toMatchObject({ status: "active", mergedIntoId: null });
    expect(await db().duplicateDismissal.count({ where: { districtId: other.districtId! } })).toBe(0);

    expect(await mergePeopleAction({ firstId: mine.id, secondId: mine.id, survivor: "first", choices: choices("first") })).toMatchObject({
      ok: false,
      fieldErrors: { secondId: "A record cannot be merged with itself." },
    });
    signInAs((await createVendorWithApplication()).admin);
    expect(await dismissDuplicateAction({ firstId: mine.id, secondId: theirs.id })).toMatchObject({ ok: false, formError: "Only district admins can change this." });
  });
});

describe("not a duplicate", () => {
  it("hides the pair for good, whichever order the ids come in", async () => {
    const a = await createPerson(districtId, { email: "jo@springfield.example" });
    const b = await createPerson(districtId, { email: "jo@springfield.example" });
    expect((await findDuplicatePairs(districtId)).total).toBe(1);

    const [larger, smaller] = a.id > b.id ? [a, b] : [b, a];
    expect(await dismissDuplicateAction({ firstId: larger.id, secondId: smaller.id })).toEqual({ ok: true, data: { dismissed: true } });
    expect(await dismissDuplicateAction({ firstId: smaller.id, secondId: larger.id })).toEqual({ ok: true, data: { dismissed: true } });
    expect(await db().duplicateDismissal.findMany({ where: { districtId } })).toEqual([
      expect.objectContaining({ firstUserId: smaller.id, secondUserId: larger.id, dismissedById: admin.id }),
    ]);
    expect((await findDuplicatePairs(districtId)).pairs).toEqual([]);
    expect(await person(a.id)).toMatchObject({ status: "active", mergedIntoId: null });
  });
});
