// The Identity sync page's numbers against a real PostgreSQL: the provisioning log's filters
// and paging, the statistics' windows, the warning's threshold, each for one district only.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  getSyncStatistics,
  getSyncWarning,
  listProvisioningLog,
  LOG_PAGE_SIZE,
  parseLogFilter,
  WARNING_WINDOW,
} from "@/lib/scim/activity";
import { createDistrictAdmin } from "@/test/factories";
import type { Prisma } from "@/generated/prisma/client";

const NOW = new Date("2031-03-10T12:00:00Z");
const HOUR = 3_600_000;

async function district() {
  const { districtId } = await createDistrictAdmin();
  const token = await db().scimToken.create({ data: { districtId: districtId!, name: "Microsoft Entra ID", prefix: "rc_scim_abcd", tokenHash: randomUUID() } });
  return { districtId: districtId!, tokenId: token.id };
}

type RequestRow = Partial<Omit<Prisma.ScimRequestCreateManyInput, "at">> & { hoursAgo?: number };

async function logRequests(districtId: string, tokenId: string | null, rows: RequestRow[]) {
  await db().scimRequest.createMany({
    data: rows.map(({ hoursAgo = 1, ...row }) => ({
      districtId,
      tokenId,
      at: new Date(NOW.getTime() - hoursAgo * HOUR),
      method: "POST",
      operation: "create",
      resourceType: "User",
      status: row.outcome === "failure" ? 400 : 201,
      outcome: "success",
      latencyMs: 12,
      ...row,
    })),
  });
}

const times = (count: number, row: RequestRow): RequestRow[] => Array.from({ length: count }, () => ({ ...row }));

describe("the provisioning log", () => {
  it("lists one district's requests, newest first, with the token's name", async () => {
    const mine = await district();
    const theirs = await district();
    await logRequests(mine.districtId, mine.tokenId, [
      { hoursAgo: 2, userName: "ada@springfield.example", externalId: "e-1", effect: "created" },
      { hoursAgo: 1, method: "GET", operation: "list", status: 200 },
    ]);
    await logRequests(theirs.districtId, theirs.tokenId, [{ userName: "someone@elsewhere.example" }]);

    const page = await listProvisioningLog(mine.districtId, {});
    expect(page.rows).toMatchObject([
      { operation: "list", tokenName: "Microsoft Entra ID", outcome: "success" },
      { operation: "create", userName: "ada@springfield.example", externalId: "e-1", status: 201, latencyMs: 12 },
    ]);
    expect(page).toMatchObject({ newer: null, older: null });
  });

  it("filters by outcome and by operation", async () => {
    const { districtId, tokenId } = await district();
    await logRequests(districtId, tokenId, [
      { operation: "create", outcome: "failure", error: "uniqueness: userName ada is taken" },
      { operation: "create" },
      { operation: "update", method: "PATCH", outcome: "failure", error: "noTarget: no member matches" },
    ]);

    const failures = await listProvisioningLog(districtId, { outcome: "failure" });
    expect(failures.rows.map((row) => row.error).sort()).toEqual(["noTarget: no member matches", "uniqueness: userName ada is taken"]);
    const failedCreates = await listProvisioningLog(districtId, { outcome: "failure", operation: "create" });
    expect(failedCreates.rows).toMatchObject([{ operation: "create", error: "uniqueness: userName ada is taken" }]);
    expect((await listProvisioningLog(districtId, { operation: "delete" })).rows).toEqual([]);
  });

  it("pages older and back newer without losing or repeating a row, also between rows of the same time", async () => {
    const { districtId, tokenId } = await district();
    const total = LOG_PAGE_SIZE * 2 + 3;
    // Pairs share a time, so only the id tells them apart.
    await logRequests(districtId, tokenId, Array.from({ length: total }, (_, index) => ({ hoursAgo: Math.floor(index / 2), userName: `user-${index}` })));

    const first = await listProvisioningLog(districtId, {});
    expect(first.rows).toHaveLength(LOG_PAGE_SIZE);
    expect(first.newer).toBeNull();
    const second = await listProvisioningLog(districtId, { before: first.older! });
    const third = await listProvisioningLog(districtId, { before: second.older! });
    expect(third.rows).toHaveLength(3);
    expect(third.older).toBeNull();
    const seen = [...first.rows, ...second.rows, ...third.rows].map((row) => row.userName);
    expect(new Set(seen).size).toBe(total);

    const backToSecond = await listProvisioningLog(districtId, { after: third.newer! });
    expect(backToSecond.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
    const backToFirst = await listProvisioningLog(districtId, { after: backToSecond.newer! });
    expect(backToFirst.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(backToFirst.newer).toBeNull();
  });

  it("reads filters and cursors from the address and drops what it does not know", () => {
    expect(parseLogFilter({ outcome: "failure", operation: "update", before: "1900000000000-42" })).toEqual({
      outcome: "failure",
      operation: "update",
      before: "1900000000000-42",
    });
    expect(parseLogFilter({ outcome: "maybe", operation: ["drop table", "list"], after: "1; select" })).toEqual({});
  });
});

describe("sync statistics", () => {
  it("count people and groups by what happened, in the last 24 hours and 7 days, with the error rate", async () => {
    const { districtId, tokenId } = await district();
    await logRequests(districtId, tokenId, [
      ...times(3, { hoursAgo: 1, effect: "created" }),
      { hoursAgo: 23, operation: "update", effect: "deactivated" },
      { hoursAgo: 25, operation: "delete", effect: "deleted" },
      { hoursAgo: 2, resourceType: "Group", effect: "created" },
      { hoursAgo: 30, resourceType: "Group", operation: "update", effect: "updated" },
      { hoursAgo: 3, operation: "list", method: "GET" },
      { hoursAgo: 4, outcome: "failure", error: "invalidValue: userName is required" },
      { hoursAgo: 24 * 8, effect: "created" },
    ]);
    const other = await district();
    await logRequests(other.districtId, other.tokenId, times(5, { hoursAgo: 1, effect: "created" }));

    const [day, week] = await getSyncStatistics(districtId, NOW);
    expect(day).toEqual({
      window: "24h",
      people: { created: 3, updated: 0, deactivated: 1, deleted: 0 },
      groups: { created: 1, updated: 0, deactivated: 0, deleted: 0 },
      requests: 7,
      failures: 1,
      errorRate: 1 / 7,
    });
    expect(week).toMatchObject({
      window: "7d",
      people: { created: 3, updated: 0, deactivated: 1, deleted: 1 },
      groups: { created: 1, updated: 1 },
      requests: 9,
      failures: 1,
    });
  });

  it("have no error rate before the first request", async () => {
    const { districtId } = await district();
    const [day] = await getSyncStatistics(districtId, NOW);
    expect(day).toMatchObject({ requests: 0, errorRate: null, people: { created: 0 } });
  });
});

describe("the sync warning", () => {
  it("stays away while half of the last 100 requests or fewer failed, and counts only the last 100", async () => {
    const { districtId, tokenId } = await district();
    // Failures older than the window do not count.
    await logRequests(districtId, tokenId, times(80, { hoursAgo: 50, outcome: "failure", error: "invalidSyntax: bad JSON" }));
    await logRequests(districtId, tokenId, [
      ...times(WARNING_WINDOW / 2, { hoursAgo: 2, outcome: "failure", error: "invalidSyntax: bad JSON" }),
      ...times(WARNING_WINDOW / 2, { hoursAgo: 1 }),
    ]);
    expect(await getSyncWarning(districtId)).toBeNull();
  });

  it("says how many failed and what fails most once more than half did", async () => {
    const { districtId, tokenId } = await district();
    await logRequests(districtId, tokenId, [
      ...times(49, { hoursAgo: 3 }),
      ...times(40, { hoursAgo: 2, outcome: "failure", status: 409, error: "uniqueness: userName is already taken" }),
      ...times(11, { hoursAgo: 1, operation: "update", method: "PATCH", outcome: "failure", error: "noTarget: no member matches" }),
    ]);
    const other = await district();
    await logRequests(other.districtId, other.tokenId, times(20, { outcome: "failure", error: "invalidFilter: bad filter" }));

    expect(await getSyncWarning(districtId)).toEqual({
      failed: 51,
      considered: 100,
      mostCommon: { operation: "create", resourceType: "User", error: "uniqueness: userName is already taken", count: 40 },
      lastFailureAt: new Date(NOW.getTime() - HOUR).toISOString(),
    });
    expect(await getSyncWarning(other.districtId)).toMatchObject({ failed: 20, considered: 20, mostCommon: { error: "invalidFilter: bad filter" } });
  });

  it("waits for a few requests before judging", async () => {
    const { districtId, tokenId } = await district();
    await logRequests(districtId, tokenId, times(9, { outcome: "failure", error: "invalidValue: bad" }));
    expect(await getSyncWarning(districtId)).toBeNull();
    await logRequests(districtId, tokenId, [{ outcome: "failure", error: "invalidValue: bad" }]);
    expect(await getSyncWarning(districtId)).toMatchObject({ failed: 10, considered: 10 });
  });
});
