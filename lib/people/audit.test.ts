// The audit log's record of merging people and of pairs marked as different people, against a
// real PostgreSQL; only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { dismissDuplicateAction, mergePeopleAction } from "@/lib/people/actions";
import { MERGE_FIELDS, type MergeField, type PairSide } from "@/lib/people/merge-schema";
import { createPerson } from "@/lib/people/test-people";
import { createDistrictAdmin } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string) => db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId }, orderBy: { at: "asc" } });
const choices = (side: PairSide, overrides: Partial<Record<MergeField, PairSide>> = {}) =>
  ({ ...Object.fromEntries(MERGE_FIELDS.map((field) => [field, side])), ...overrides }) as Record<MergeField, PairSide>;

describe("auditing merges", () => {
  it("names both people and the values the survivor took, as the admin", async () => {
    const admin = await createDistrictAdmin();
    const districtId = admin.districtId!;
    const survivor = await createPerson(districtId, { givenName: "Jordan A.", familyName: "Lee", email: null });
    const retired = await createPerson(districtId, { givenName: "Jordan", familyName: "Lee", email: "jordan.lee@district.test" });
    signInAs(admin);
    const merged = await mergePeopleAction({ firstId: survivor.id, secondId: retired.id, survivor: "first", choices: choices("first", { email: "second" }) });
    expect(merged).toMatchObject({ ok: true });

    const events = await eventsOf(districtId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "people.merged",
      summary: "Jordan Lee merged into Jordan A. Lee",
      actorUserId: admin.id,
      actorRole: "DISTRICT_ADMIN",
      before: {
        survivor: { id: survivor.id, sourcedId: survivor.sourcedId, name: "Jordan A. Lee", email: null },
        retired: { id: retired.id, sourcedId: retired.sourcedId, name: "Jordan Lee", status: "active" },
      },
      after: {
        survivor: { id: survivor.id, name: "Jordan A. Lee", email: "jordan.lee@district.test" },
        retired: { id: retired.id, status: "tobedeleted", mergedIntoId: survivor.id },
      },
    });
  });

  it("records nothing for a refused merge or another district's people", async () => {
    const admin = await createDistrictAdmin();
    const districtId = admin.districtId!;
    const first = await createPerson(districtId, {}, { scimLinked: true });
    const second = await createPerson(districtId, {}, { scimLinked: true });
    signInAs(admin);
    expect(await mergePeopleAction({ firstId: first.id, secondId: second.id, survivor: "first", choices: choices("first") })).toMatchObject({ ok: false });
    signInAs(await createDistrictAdmin());
    expect(await dismissDuplicateAction({ firstId: first.id, secondId: second.id })).toMatchObject({ ok: false });
    expect(await eventsOf(districtId)).toEqual([]);
  });
});

describe("auditing dismissed duplicates", () => {
  it("records the pair once, however often it is dismissed", async () => {
    const admin = await createDistrictAdmin();
    const districtId = admin.districtId!;
    const a = await createPerson(districtId, { givenName: "Sam", familyName: "Rivera" });
    const b = await createPerson(districtId, { givenName: "Sam", familyName: "Rivers" });
    signInAs(admin);
    expect(await dismissDuplicateAction({ firstId: a.id, secondId: b.id })).toMatchObject({ ok: true });
    expect(await dismissDuplicateAction({ firstId: b.id, secondId: a.id })).toMatchObject({ ok: true });

    const events = await eventsOf(districtId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "people.duplicate_dismissed", actorUserId: admin.id, after: { people: expect.arrayContaining([expect.objectContaining({ id: a.id, name: "Sam Rivera" }), expect.objectContaining({ id: b.id, name: "Sam Rivers" })]) } });
    expect(events[0]!.summary).toMatch(/^Sam (Rivera|Rivers) and Sam (Rivera|Rivers) marked as different people$/);
  });
});
