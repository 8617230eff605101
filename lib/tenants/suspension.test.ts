// Suspension as the APIs' callers see it, through the route handlers, against a real
// PostgreSQL: every key and token of a suspended tenant is refused, and works again on resume.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postToken } from "@/app/api/oauth/token/route";
import { GET as getActivations } from "@/app/api/partner/v1/activations/route";
import { GET as getCredentials } from "@/app/api/partner/v1/districts/[districtGuid]/credentials/route";
import { getSignedInPerson, PERSON_COOKIE, personSessionToken } from "@/lib/auth/person-session";
import { getSessionUser } from "@/lib/auth/session";
import { credentialsForDistrict } from "@/lib/data-api/credentials";
import { db } from "@/lib/db";
import { districtWithToken as districtWithApiToken, student } from "@/lib/district-api/test-support";
import { handleOneRosterGet } from "@/lib/oneroster/handler";
import { createApiKeyAction } from "@/lib/partner-api/actions";
import { createScimToken } from "@/lib/scim/tokens";
import { scimClient } from "@/lib/scim/test-support";
import { DISTRICT_SUSPENDED_MESSAGE, VENDOR_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";
import { createActivation, createDistrictAdmin, createVendorWithApplication, credentialsOf } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const cookieJar = new Map<string, string>();
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined) }) }));

const base = "http://rollcall.test";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const suspendDistrict = (id: string, suspendedAt: Date | null) => db().district.update({ where: { id }, data: { suspendedAt } });
const suspendVendor = (id: string, suspendedAt: Date | null) => db().vendor.update({ where: { id }, data: { suspendedAt } });

async function token(clientId: string, clientSecret: string) {
  return postToken(
    new Request(`${base}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    }),
  );
}

// Each read is a new request at a later moment: Data API answers are remembered for a few seconds per token.
let clock = Date.now();
const readUsers = (accessToken: string) => {
  clock += 10_000;
  vi.setSystemTime(clock);
  return handleOneRosterGet(new Request(`${base}/ims/oneroster/v1p1/users`, { headers: bearer(accessToken) }));
};

describe("a suspended district", () => {
  let vendor: Awaited<ReturnType<typeof createVendorWithApplication>>;
  let districtId: string;
  let credentials: { clientId: string; clientSecret: string };

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vendor = await createVendorWithApplication();
    const admin = await createDistrictAdmin();
    districtId = admin.districtId!;
    await createActivation(districtId, vendor.application.id);
    const { districtGuid } = await db().district.findUniqueOrThrow({ where: { id: districtId } });
    credentials = credentialsOf(await credentialsForDistrict(vendor.vendor.id, districtGuid));
    return () => vi.useRealTimers();
  });

  it("gets 403 for its Data API token and no new token, until it is resumed", async () => {
    const { access_token } = await (await token(credentials.clientId, credentials.clientSecret)).json();
    expect((await readUsers(access_token)).status).toBe(200);

    await suspendDistrict(districtId, new Date());
    const refused = await readUsers(access_token);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("suspended");
    const noToken = await token(credentials.clientId, credentials.clientSecret);
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toEqual({ error: "unauthorized_client", error_description: DISTRICT_SUSPENDED_MESSAGE });

    await suspendDistrict(districtId, null);
    expect((await readUsers(access_token)).status).toBe(200);
  });

  it("gets 401 with the SCIM error schema for its SCIM token", async () => {
    const { token: scimToken } = await createScimToken({ id: vendor.admin.id, districtId }, "Entra ID");
    const scim = scimClient(scimToken);
    expect((await scim("GET", "/Users")).status).toBe(200);

    await suspendDistrict(districtId, new Date());
    const refused = await scim("GET", "/Users");
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401", detail: DISTRICT_SUSPENDED_MESSAGE });

    await suspendDistrict(districtId, null);
    expect((await scim("GET", "/Users")).status).toBe(200);
  });

  it("is refused to vendors asking the Partner API for its Data API credentials, until it is resumed", async () => {
    const { districtGuid } = await db().district.findUniqueOrThrow({ where: { id: districtId } });
    vi.mocked(getSessionUser).mockResolvedValue(vendor.admin);
    const created = await createApiKeyAction({ name: "Roster sync" });
    if (!created.ok) throw new Error(created.formError);
    const ask = () =>
      getCredentials(new Request(`${base}/api/partner/v1/districts/${districtGuid}/credentials`, { headers: bearer(created.data.key) }), {
        params: Promise.resolve({ districtGuid }),
      });

    await suspendDistrict(districtId, new Date());
    const refused = await ask();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "district_suspended", message: DISTRICT_SUSPENDED_MESSAGE } });

    await suspendDistrict(districtId, null);
    expect(await (await ask()).json()).toMatchObject({ districtGUID: districtGuid, clientId: credentials.clientId });
  });

  it("signs out its teachers and students at their next request, and lets them back in on resume", async () => {
    const person = await db().rosterUser.create({
      data: { districtId, sourcedId: `t-${districtId.slice(0, 8)}`, username: "teacher", givenName: "Ada", familyName: "Park", role: "teacher", source: "sso" },
    });
    vi.stubEnv("NEXTAUTH_SECRET", "suspension-test-secret");
    cookieJar.set(PERSON_COOKIE, await personSessionToken(person));
    expect(await getSignedInPerson()).toMatchObject({ id: person.id });

    await suspendDistrict(districtId, new Date());
    expect(await getSignedInPerson()).toBeNull();

    await suspendDistrict(districtId, null);
    expect(await getSignedInPerson()).toMatchObject({ id: person.id });
    vi.unstubAllEnvs();
  });

  it("gets 403 for its people upsert API token, and nothing is stored", async () => {
    const district = await districtWithApiToken();
    await suspendDistrict(district.districtId, new Date());
    const refused = await district.send({ people: [student(1)] });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "district_suspended", message: DISTRICT_SUSPENDED_MESSAGE } } });
    expect(await db().rosterUser.count({ where: { districtId: district.districtId } })).toBe(0);
  });
});

describe("a suspended vendor", () => {
  it("gets 403 for its Partner API key and its Data API tokens, until it is resumed", async () => {
    const vendor = await createVendorWithApplication();
    vi.mocked(getSessionUser).mockResolvedValue(vendor.admin);
    const created = await createApiKeyAction({ name: "Production sync" });
    if (!created.ok) throw new Error(created.formError);
    const list = () => getActivations(new Request(`${base}/api/partner/v1/activations`, { headers: bearer(created.data.key) }));
    const sandbox = credentialsOf(await credentialsForDistrict(vendor.vendor.id, "00000000-0000-4000-8000-000000000000"));
    const { access_token } = await (await token(sandbox.clientId, sandbox.clientSecret)).json();

    await suspendVendor(vendor.vendor.id, new Date());
    const refused = await list();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "vendor_suspended", message: VENDOR_SUSPENDED_MESSAGE } });
    expect((await token(sandbox.clientId, sandbox.clientSecret)).status).toBe(403);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect((await readUsers(access_token)).status).toBe(403);
      await suspendVendor(vendor.vendor.id, null);
      expect((await readUsers(access_token)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    expect((await list()).status).toBe(200);
  });
});
