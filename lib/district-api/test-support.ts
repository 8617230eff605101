// For the district API tests: a district with an API token, and requests sent through the
// route handler exactly as a district's system sends them.
import { POST } from "@/app/api/district/v1/people/route";
import { createDistrictApiToken } from "@/lib/district-api/tokens";
import { createDistrictAdmin } from "@/test/factories";

export const PEOPLE_URL = "http://rollcall.test/api/district/v1/people";

export type PeopleAnswer = { status: number; headers: Headers; body: any };

export async function districtWithToken(name = "SIS nightly sync") {
  const admin = await createDistrictAdmin();
  const created = await createDistrictApiToken({ id: admin.id, districtId: admin.districtId! }, name);
  return { admin, districtId: admin.districtId!, token: created.token, tokenId: created.id, send: peopleClient(created.token) };
}

/** Sends a body (JSON-encoded unless it is a string) as POST with the token and content type given. */
export function peopleClient(token: string | null) {
  return async (body: unknown, headers: Record<string, string> = {}): Promise<PeopleAnswer> => {
    const request = new Request(PEOPLE_URL, {
      method: "POST",
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const response = await POST(request);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
}

export const student = (n: number, extra: Record<string, unknown> = {}) => ({
  email: `student${n}@district.test`,
  first_name: `Given${n}`,
  last_name: `Family${n}`,
  account_type: "Student",
  netid: `S${String(n).padStart(5, "0")}`,
  ...extra,
});
