// For the SCIM tests: a district with a Secret Token, and requests sent through the route
// handler exactly as an identity provider sends them.
import { DELETE, GET, PATCH, POST, PUT } from "@/app/scim/v2/[...path]/route";
import { createScimToken } from "@/lib/scim/tokens";
import { createDistrictAdmin } from "@/test/factories";

const HANDLERS = { GET, POST, PUT, PATCH, DELETE } as const;
export const SCIM_URL = "http://rollcall.test/scim/v2";

export type ScimAnswer = { status: number; headers: Headers; body: any };

export async function districtWithToken() {
  const admin = await createDistrictAdmin();
  const { token, id } = await createScimToken({ id: admin.id, districtId: admin.districtId! }, "Entra ID");
  return { admin, districtId: admin.districtId!, token, tokenId: id, scim: scimClient(token) };
}

export function scimClient(token: string | null) {
  return async (method: keyof typeof HANDLERS, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ScimAnswer> => {
    const request = new Request(`${SCIM_URL}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/scim+json" }), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const response = await HANDLERS[method](request);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
}

/** A user as Entra ID's provisioning service creates one. */
export function entraUser(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    externalId: `ext-${userName}`,
    userName,
    active: true,
    displayName: "Ada Lovelace",
    emails: [{ primary: true, type: "work", value: userName }],
    meta: { resourceType: "User" },
    name: { formatted: "Ada Lovelace", familyName: "Lovelace", givenName: "Ada" },
    roles: [],
    ...extra,
  };
}

export const patchOp = (...operations: object[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: operations });
