// Data API client credentials: one pair per vendor and district, made the first time the
// vendor asks for them through the Partner API and handed out again on every later ask.
// A vendor gets them only for a district using one of its applications (or the sandbox).
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { hashToken, newOpaqueToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { ensureSandboxDistrict } from "@/lib/roster/sandbox";
import { isUuid } from "@/lib/uuid";
import { SANDBOX_DISTRICT } from "@/lib/webhooks";

export const TOKEN_PATH = "/api/oauth/token";
export const ONEROSTER_PATH = "/ims/oneroster/v1p1";

export type DistrictCredentials = {
  districtGUID: string;
  districtName: string;
  sandbox: boolean;
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  oneRosterBaseUrl: string;
};

export type CredentialsLookup =
  | { ok: true; credentials: DistrictCredentials }
  /** not_found: the district is unknown or uses none of the vendor's applications (one answer for both, so GUIDs cannot be probed). */
  | { ok: false; reason: "not_found" | "district_suspended" };

export async function credentialsForDistrict(vendorId: string, districtGuid: string): Promise<CredentialsLookup> {
  const district = await accessibleDistrict(vendorId, districtGuid);
  if (!district) return { ok: false, reason: "not_found" };
  // Handing out credentials that every Data API call would refuse only hides why the vendor's sync fails.
  if (district.suspendedAt) return { ok: false, reason: "district_suspended" };

  await db().dataApiCredential.createMany({ data: [newCredential(vendorId, district.id)], skipDuplicates: true });
  const credential = await db().dataApiCredential.findUniqueOrThrow({
    where: { vendorId_districtId: { vendorId, districtId: district.id } },
    select: { id: true, clientId: true, encryptedSecret: true },
  });
  const { publicUrl, encryptionKey } = getConfig();
  const credentials = {
    districtGUID: district.districtGuid,
    districtName: district.name,
    sandbox: district.sandbox,
    clientId: credential.clientId,
    clientSecret: decryptSecret(credential.encryptedSecret, encryptionKey, secretContext(credential.clientId)),
    tokenUrl: publicUrl + TOKEN_PATH,
    oneRosterBaseUrl: publicUrl + ONEROSTER_PATH,
  };
  return { ok: true, credentials };
}

async function accessibleDistrict(vendorId: string, districtGuid: string) {
  if (!isUuid(districtGuid)) return null;
  if (districtGuid === SANDBOX_DISTRICT.guid) {
    const sandbox = await ensureSandboxDistrict();
    return db().district.findUniqueOrThrow({ where: { id: sandbox.id }, select: { id: true, districtGuid: true, name: true, sandbox: true, suspendedAt: true } });
  }
  return db().district.findFirst({
    where: { districtGuid, sandbox: false, activations: { some: { status: "active", application: { vendorId } } } },
    select: { id: true, districtGuid: true, name: true, sandbox: true, suspendedAt: true },
  });
}

function newCredential(vendorId: string, districtId: string) {
  const clientId = `rc_client_${newOpaqueToken("").slice(0, 24)}`;
  const clientSecret = newOpaqueToken("rc_cs_");
  return {
    vendorId,
    districtId,
    clientId,
    secretHash: hashToken(clientSecret),
    encryptedSecret: encryptSecret(clientSecret, getConfig().encryptionKey, secretContext(clientId)),
  };
}

/** Binds each ciphertext to its client id, so a secret copied to another row does not decrypt. */
function secretContext(clientId: string): string {
  return `data-api-client:${clientId}`;
}
