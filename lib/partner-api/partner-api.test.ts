// The Partner API and the token endpoint through their route handlers, against a real
// PostgreSQL: a vendor's key, a district's credentials, a Data API token, and who may see what.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getActivations } from "@/app/api/partner/v1/activations/route";
import { GET as getCredentials } from "@/app/api/partner/v1/districts/[districtGuid]/credentials/route";
import { POST as postToken } from "@/app/api/oauth/token/route";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { authenticateDataApi } from "@/lib/data-api/auth";
import { db } from "@/lib/db";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/partner-api/actions";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

const base = "http://rollcall.test";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newKey(admin: SessionUser, name = "Production sync") {
  signInAs(admin);
  const result = await createApiKeyAction({ name });
  if (!result.ok) throw new Error(result.formError);
  return result.data;
}

async function activate(districtId: string, applicationId: string, status: "active" | "deactivated" = "active") {
  await db().activation.create({ data: { districtId, applicationId, mode: "standard", origin: "district", autoProvisioned: true, status } });
}

async function credentials(key: string, guid: string) {
  return getCredentials(new Request(`${base}/api/partner/v1/districts/${guid}/credentials`, { headers: bearer(key) }), {
    params: Promise.resolve({ districtGuid: guid }),
  });
}

async function token(body: Record<string, string>, headers: Record<string, string> = {}) {
  return postToken(
    new Request(`${base}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(body),
    }),
  );
}

describe("Partner API keys", () => {
  it("are shown once, stored only as a hash, and stop working when revoked", async () => {
    const vendor = await createVendorWithApplication();
    const key = await newKey(vendor.admin);
    expect(key.key).toMatch(/^rc_pk_[\w-]{43}$/);

    const stored = await db().partnerApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(stored)).not.toContain(key.key);
    expect(stored.prefix).toBe(key.key.slice(0, 10));

    const list = () => getActivations(new Request(`${base}/api/partner/v1/activations`, { headers: bearer(key.key) }));
    expect((await list()).status).toBe(200);
    expect((await db().partnerApiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeInstanceOf(Date);

    await revokeApiKeyAction({ keyId: key.id });
    const refused = await list();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorised" } });
  });

  it("cannot be revoked by another vendor, nor created by a district admin or with a blank name", async () => {
    const owner = await createVendorWithApplication();
    const key = await newKey(owner.admin);
    signInAs((await createVendorWithApplication()).admin);
    expect((await revokeApiKeyAction({ keyId: key.id })).ok).toBe(false);
    signInAs(await createDistrictAdmin());
    expect((await createApiKeyAction({ name: "Mine now" })).ok).toBe(false);
    signInAs(owner.admin);
    expect(await createApiKeyAction({ name: "  " })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("Name the key") } });
    expect(await db().partnerApiKey.count({ where: { vendorId: owner.vendor.id, revokedAt: null } })).toBe(1);
  });
});

describe("district credentials and Data API tokens", () => {
  let vendor: Awaited<ReturnType<typeof createVendorWithApplication>>;
  let district: { id: string; districtGuid: string };
  let key: string;

  beforeEach(async () => {
    vendor = await createVendorWithApplication();
    const admin = await createDistrictAdmin();
    district = await db().district.findUniqueOrThrow({ where: { id: admin.districtId! } });
    key = (await newKey(vendor.admin)).key;
  });

  it("are given for a district using one of the vendor's applications, the same ones every time", async () => {
    await activate(district.id, vendor.application.id);
    const first = await credentials(key, district.districtGuid);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({
      districtGUID: district.districtGuid,
      sandbox: false,
      clientId: expect.stringMatching(/^rc_client_/),
      clientSecret: expect.stringMatching(/^rc_cs_/),
      tokenUrl: expect.stringMatching(/\/api\/oauth\/token$/),
      oneRosterBaseUrl: expect.stringMatching(/\/ims\/oneroster\/v1p1$/),
    });
    expect(await (await credentials(key, district.districtGuid)).json()).toEqual(body);
    const stored = await db().dataApiCredential.findFirstOrThrow({ where: { clientId: body.clientId } });
    expect(JSON.stringify(stored)).not.toContain(body.clientSecret);
  });

  it("answer the same 404 for a district that does not use the vendor's applications, an unknown one, or another vendor's customer", async () => {
    const other = await createVendorWithApplication();
    await activate(district.id, other.application.id);
    const deactivatedDistrict = await db().district.findUniqueOrThrow({ where: { id: (await createDistrictAdmin()).districtId! } });
    await activate(deactivatedDistrict.id, vendor.application.id, "deactivated");

    for (const guid of [district.districtGuid, randomUUID(), deactivatedDistrict.districtGuid, "not-a-guid"]) {
      const response = await credentials(key, guid);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "No district with this GUID uses any of your applications." } });
    }
    expect(await db().dataApiCredential.count({ where: { vendorId: vendor.vendor.id } })).toBe(0);
  });

  it("buy an hour's token that reads exactly that district, until the district stops using the application", async () => {
    await activate(district.id, vendor.application.id);
    const { clientId, clientSecret } = await (await credentials(key, district.districtGuid)).json();

    const wrong = await token({ grant_type: "client_credentials", client_id: clientId, client_secret: "rc_cs_wrong" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    expect((await token({ grant_type: "password", client_id: clientId, client_secret: clientSecret })).status).toBe(400);

    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    const granted = await token({ grant_type: "client_credentials" }, { authorization: `Basic ${basic}` });
    expect(granted.status).toBe(200);
    const { access_token, token_type, expires_in } = await granted.json();
    expect({ token_type, expires_in }).toEqual({ token_type: "bearer", expires_in: 3600 });

    const request = new Request(`${base}/ims/oneroster/v1p1/users`, { headers: bearer(access_token) });
    expect(await authenticateDataApi(request)).toEqual({ ok: true, districtId: district.id });

    await db().activation.updateMany({ where: { districtId: district.id }, data: { status: "deactivated" } });
    // Past the few seconds an answer is remembered for.
    expect(await authenticateDataApi(request, new Date(Date.now() + 10_000))).toMatchObject({ ok: false, status: 403 });
    expect(await authenticateDataApi(request, new Date(Date.now() + 3601_000))).toMatchObject({ ok: false, status: 401 });
  });

  it("include the sandbox district for every vendor, before any district activates", async () => {
    const response = await credentials(key, "00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ sandbox: true, districtName: "Rollcall Sandbox District" });
  });

  it("list the vendor's activations by page", async () => {
    await activate(district.id, vendor.application.id);
    const other = await createVendorWithApplication();
    await activate(district.id, other.application.id);

    const response = await getActivations(new Request(`${base}/api/partner/v1/activations?limit=5000`, { headers: bearer(key) }));
    const body = await response.json();
    expect(body.paging).toMatchObject({ total: 1, limit: 1000, offset: 0, next: null });
    expect(body.activations).toEqual([expect.objectContaining({ applicationId: vendor.application.id, districtGUID: district.districtGuid, status: "active" })]);
    expect((await getActivations(new Request(`${base}/api/partner/v1/activations?offset=-1`, { headers: bearer(key) }))).status).toBe(400);
  });
});
