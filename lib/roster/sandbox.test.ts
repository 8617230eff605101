// The sandbox district: made once with its roster, however many callers race to make it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureSandboxDistrict } from "@/lib/roster/sandbox";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";

describe("ensureSandboxDistrict", () => {
  it("creates the sandbox district and its roster once under concurrent calls", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureSandboxDistrict()));

    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    const districts = await db().district.findMany({ where: { districtGuid: SANDBOX_DISTRICT.guid } });
    expect(districts).toEqual([expect.objectContaining({ name: "Rollcall Sandbox District", state: "ZZ", sandbox: true, id: results[0]!.id })]);
    const districtId = results[0]!.id;
    expect(await db().rosterUser.count({ where: { districtId, role: "student" } })).toBe(300);
    expect(await db().org.count({ where: { districtId, type: "school" } })).toBe(2);
    expect(await db().enrollment.count({ where: { districtId } })).toBeGreaterThan(300);

    await expect(ensureSandboxDistrict()).resolves.toEqual({ id: districtId, districtGuid: SANDBOX_DISTRICT.guid });
    expect(await db().rosterUser.count({ where: { districtId, role: "student" } })).toBe(300);
  });
});
