// The Data API end to end through its route handlers and the real authentication: a token from
// POST /api/oauth/token reads its own district and nothing else; no token, an unknown or
// expired token, or a district that stopped using the vendor's applications are refused.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as tokenRoute } from "@/app/api/oauth/token/route";
import { GET as oneRosterRoute } from "@/app/ims/oneroster/v1p1/[...path]/route";
import { hashToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { createActivation, createVendorWithApplication } from "@/test/factories";
import { createRosterDistrict } from "./test-fixtures";

const BASE = "http://localhost:3000/ims/oneroster/v1p1";

async function credentialFor(vendorId: string, districtId: string) {
  const clientId = `client-${randomUUID()}`;
  const clientSecret = `secret-${randomUUID()}`;
  await db().dataApiCredential.create({
    data: { vendorId, districtId, clientId, secretHash: hashToken(clientSecret), encryptedSecret: "unused in these tests" },
  });
  return { clientId, clientSecret };
}

async function tokenFor({ clientId, clientSecret }: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await tokenRoute(
    new Request("http://localhost:3000/api/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

async function get(path: string, token?: string) {
  const response = await oneRosterRoute(new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const codeMinor = (body: Record<string, unknown>) => JSON.stringify(body).match(/"imsx_codeMinorFieldValue":"(\w+)"/)?.[1];

let springfield: { clientId: string; clientSecret: string };
let shelbyville: { clientId: string; clientSecret: string };
let notActivated: { clientId: string; clientSecret: string };
let shelbyvilleId: string;

beforeAll(async () => {
  const { vendor, application } = await createVendorWithApplication();
  const districtA = await createRosterDistrict("Springfield");
  const districtB = await createRosterDistrict("Shelbyville");
  const districtC = await createRosterDistrict("Ogdenville");
  shelbyvilleId = districtB.id;
  await createActivation(districtA.id, application.id);
  await createActivation(districtB.id, application.id);
  await createActivation(districtC.id, application.id, { status: "deactivated" });
  await db().rosterUser.create({
    data: { districtId: districtB.id, sourcedId: "stu-shelbyville", role: "student", username: "s", givenName: "S", familyName: "B" },
  });
  springfield = await credentialFor(vendor.id, districtA.id);
  shelbyville = await credentialFor(vendor.id, districtB.id);
  notActivated = await credentialFor(vendor.id, districtC.id);
});

describe("the Data API through its route", () => {
  it("answers a token from /api/oauth/token with its own district's roster", async () => {
    const token = await tokenFor(springfield);
    const answer = await get("/students?fields=sourcedId,username", token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-total-count")).toBe("4");
    expect(answer.body.users).toContainEqual({ sourcedId: "stu-1", username: "stu-1@springfield" });
  });

  it("keeps each token to its own district", async () => {
    const tokenA = await tokenFor(springfield);
    const tokenB = await tokenFor(shelbyville);
    expect((await get("/users/stu-shelbyville", tokenB)).status).toBe(200);
    const foreign = await get("/users/stu-shelbyville", tokenA);
    expect(foreign.status).toBe(404);
    expect(codeMinor(foreign.body)).toBe("unknownobject");
    expect((await get("/schools/sch-1", tokenB)).body.org).toMatchObject({ name: "Shelbyville North High" });
    expect(await db().rosterUser.count({ where: { districtId: shelbyvilleId, sourcedId: "stu-shelbyville" } })).toBe(1);
  });

  it("answers 401 unauthorisedrequest without a token, or with an unknown or expired one", async () => {
    for (const token of [undefined, "rc_at_not-a-token"]) {
      const answer = await get("/users", token);
      expect(answer.status).toBe(401);
      expect(codeMinor(answer.body)).toBe("unauthorisedrequest");
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const expired = `rc_at_${randomUUID()}`;
    const credential = await db().dataApiCredential.findUniqueOrThrow({ where: { clientId: springfield.clientId } });
    await db().dataApiToken.create({ data: { credentialId: credential.id, tokenHash: hashToken(expired), expiresAt: new Date(Date.now() - 1000) } });
    const answer = await get("/users", expired);
    expect(answer.status).toBe(401);
    expect(codeMinor(answer.body)).toBe("unauthorisedrequest");
  });

  it("answers 403 forbidden when the district no longer uses the vendor's applications", async () => {
    const answer = await get("/users", await tokenFor(notActivated));
    expect(answer.status).toBe(403);
    expect(codeMinor(answer.body)).toBe("forbidden");
    expect(answer.body.statusInfoSet).toEqual([expect.objectContaining({ imsx_codeMajor: "failure", imsx_severity: "error" })]);
  });

  it("authenticates before looking at the query", async () => {
    expect((await get("/users?filter=nonsense")).status).toBe(401);
    expect((await get("/users?filter=nonsense", await tokenFor(springfield))).status).toBe(400);
  });
});
