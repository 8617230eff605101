// Who may read which district's rosters: a Data API bearer token resolves to exactly one
// district, and only while its vendor still has an active activation there (or it is the
// sandbox). The answer is remembered for a few seconds per token, so that paging through
// a roster costs no extra query per page; a deactivation or a
// suspension takes effect within that time.
import { bearerToken, hashToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { DISTRICT_SUSPENDED_MESSAGE, VENDOR_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

export type DataApiAccess = { ok: true; districtId: string } | { ok: false; status: 401 | 403; description: string };

const CACHE_MS = 5_000;
const CACHE_LIMIT = 10_000;
const recent = new Map<string, { access: DataApiAccess; until: number }>();

export async function authenticateDataApi(request: Request, now = new Date()): Promise<DataApiAccess> {
  const token = bearerToken(request);
  if (!token) return { ok: false, status: 401, description: "Send an access token from /api/oauth/token as Authorization: Bearer <token>." };
  const tokenHash = hashToken(token);
  const cached = recent.get(tokenHash);
  if (cached && cached.until > now.getTime()) return cached.access;

  const access = await lookUp(tokenHash, now);
  if (recent.size >= CACHE_LIMIT) recent.clear();
  recent.set(tokenHash, { access, until: now.getTime() + CACHE_MS });
  return access;
}

async function lookUp(tokenHash: string, now: Date): Promise<DataApiAccess> {
  const token = await db().dataApiToken.findUnique({
    where: { tokenHash },
    select: {
      expiresAt: true,
      credential: {
        select: { vendorId: true, districtId: true, vendor: { select: { suspendedAt: true } }, district: { select: { sandbox: true, suspendedAt: true } } },
      },
    },
  });
  if (!token || token.expiresAt <= now) return { ok: false, status: 401, description: "The access token is unknown or has expired. Request a new one." };

  const { vendorId, districtId, district, vendor } = token.credential;
  if (vendor.suspendedAt) return { ok: false, status: 403, description: VENDOR_SUSPENDED_MESSAGE };
  if (district.suspendedAt) return { ok: false, status: 403, description: DISTRICT_SUSPENDED_MESSAGE };
  if (district.sandbox) return { ok: true, districtId };
  const active = await db().activation.count({ where: { districtId, status: "active", application: { vendorId } } });
  return active > 0
    ? { ok: true, districtId }
    : { ok: false, status: 403, description: "The district no longer uses any of your applications, so its data is not available." };
}
