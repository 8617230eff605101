// The audit log's record of imports and import settings, against a real PostgreSQL; only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { confirmImportAction, discardImportAction, saveAccountTypesAction } from "@/lib/imports/actions";
import { DEFAULT_ACCOUNT_TYPES } from "@/lib/imports/people/account-types";
import { applyImport, createImport, validateImport, type ApplyJobPayload } from "@/lib/imports/receive";
import { createDistrictAdmin } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string) => db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId }, orderBy: { at: "asc" } });
const CSV = Buffer.from(["email,first_name,last_name,account_type,netid", "ada@school.test,Ada,Lovelace,Student,S-1", "jsmith@,Jo,Smith,Student,S-2"].join("\n"));

async function previewedUpload() {
  const admin = await createDistrictAdmin();
  signInAs(admin);
  const { importId } = await createImport({ districtId: admin.districtId!, channel: "upload", fileName: "fall-roster.csv", content: CSV, createdById: admin.id });
  await validateImport(importId);
  return { admin, districtId: admin.districtId!, importId };
}

const applyPayload = async (importId: string) =>
  (await db().$queryRaw<{ payload: ApplyJobPayload }[]>`SELECT payload FROM graphile_worker._private_jobs WHERE key = ${`import:${importId}`}`)[0]!.payload;

describe("auditing an uploaded import", () => {
  it("records it as applied by the admin who confirmed it, with the counts written, once the job has applied it", async () => {
    const { admin, districtId, importId } = await previewedUpload();
    expect(await confirmImportAction({ importId, validRowsOnly: true })).toMatchObject({ ok: true });
    expect(await eventsOf(districtId)).toEqual([]);

    const payload = await applyPayload(importId);
    expect(payload.audit?.actor).toEqual({ userId: admin.id, email: admin.email, role: "DISTRICT_ADMIN" });
    await applyImport(importId, payload.audit ?? null);

    const events = await eventsOf(districtId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "import.applied",
      summary: "Import “fall-roster.csv” applied: 1 created, 0 updated, 1 skipped",
      tenantName: "Test District",
      actorUserId: admin.id,
      actorEmail: admin.email,
      actorRole: "DISTRICT_ADMIN",
      after: { importId, channel: "upload", fileName: "fall-roster.csv", validRowsOnly: true, counts: { create: 1, update: 0, error: 1 } },
    });
  });

  it("records a discarded import, and nothing for another district's admin or a refused confirmation", async () => {
    const { admin, districtId, importId } = await previewedUpload();
    expect(await confirmImportAction({ importId, validRowsOnly: false })).toMatchObject({ ok: false });
    signInAs(await createDistrictAdmin());
    expect(await discardImportAction({ importId })).toMatchObject({ ok: false });
    expect(await eventsOf(districtId)).toEqual([]);

    signInAs(admin);
    expect(await discardImportAction({ importId })).toMatchObject({ ok: true });
    const events = await eventsOf(districtId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "import.discarded",
      summary: "Import “fall-roster.csv” discarded without applying",
      actorUserId: admin.id,
      before: { importId, status: "previewed", counts: { create: 1, error: 1 } },
      after: { importId, status: "discarded" },
    });
  });
});

describe("auditing the account types", () => {
  it("records the list before and after, and nothing when it did not change", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const accountTypes = [...DEFAULT_ACCOUNT_TYPES, { accountType: "Substitute", role: "teacher" as const }];
    expect(await saveAccountTypesAction({ accountTypes })).toMatchObject({ ok: true });
    expect(await saveAccountTypesAction({ accountTypes })).toMatchObject({ ok: true });
    expect(await saveAccountTypesAction({ accountTypes: [] })).toMatchObject({ ok: false });

    const events = await eventsOf(admin.districtId!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "import.account_types_changed",
      actorUserId: admin.id,
      before: { accountTypes: DEFAULT_ACCOUNT_TYPES },
      after: { accountTypes },
    });
  });
});
