// Who a public-key sign-in reaches: a district's account (SftpAccount.username, SftpKey keys,
// its allowed networks) or a vendor's outbox account (FileDelivery.outboxUsername, OutboxKey
// keys, only while the application delivers Rollcall-hosted and delivery is on).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { AuthContext, PublicKeyAuthContext } from "ssh2";
import { outboxRoot } from "@/lib/deliveries/outbox";
import { db } from "@/lib/db";
import { ensureAccountFolders } from "@/lib/sftp/folders";
import { isAddressAllowed } from "@/lib/sftp/networks";
import { OUTBOX_FOLDER } from "@/lib/sftp/outbox-paths";
import { fingerprintOf, verifierOf } from "@/lib/sftp/public-keys";

/** A district's account names the key that signed in, for the audit log's record of its uploads. */
export type SignedInAccount =
  | { kind: "district"; districtId: string; key: { name: string; fingerprint: string } }
  | { kind: "outbox"; applicationId: string };

type StoredKey = { id: string; publicKey: string; fingerprint: string };

/**
 * The account a sign-in reaches, or null. A publickey attempt without a signature only asks
 * whether the key would do; the answer is the same account, and the client then signs.
 */
export async function authenticate(context: AuthContext, address: string): Promise<SignedInAccount | null> {
  if (context.method !== "publickey") return null;
  const account = await db().sftpAccount.findUnique({
    where: { username: context.username },
    select: {
      districtId: true,
      allowedNetworks: true,
      district: { select: { suspendedAt: true, sftpKeys: { select: { id: true, name: true, publicKey: true, fingerprint: true } } } },
    },
  });
  if (!account) return signInToOutbox(context);
  // A suspended district's drop, like a suspended vendor's outbox, refuses every sign-in until the operator resumes it.
  if (account.district.suspendedAt) return null;
  if (!isAddressAllowed(address, account.allowedNetworks)) return null;
  const key = account.district.sftpKeys.find((candidate) => candidate.fingerprint === fingerprintOf(context.key.data));
  const check = checkKey(context, key);
  if (check === "refused" || !key) return null;
  const signedIn = { kind: "district", districtId: account.districtId, key: { name: key.name, fingerprint: key.fingerprint } } as const;
  if (check === "asked") return signedIn;

  await ensureAccountFolders(account.districtId);
  const now = new Date();
  await db().$transaction([
    db().sftpAccount.update({ where: { districtId: account.districtId }, data: { lastLoginAt: now } }),
    db().sftpKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }),
  ]);
  return signedIn;
}

async function signInToOutbox(context: PublicKeyAuthContext): Promise<SignedInAccount | null> {
  const delivery = await db().fileDelivery.findUnique({
    where: { outboxUsername: context.username },
    select: {
      applicationId: true,
      destination: true,
      enabled: true,
      application: {
        select: {
          vendor: { select: { suspendedAt: true } },
          outboxKeys: { where: { fingerprint: fingerprintOf(context.key.data) }, select: { id: true, publicKey: true, fingerprint: true } },
        },
      },
    },
  });
  if (!delivery || delivery.destination !== "rollcall_hosted" || !delivery.enabled) return null;
  if (delivery.application.vendor.suspendedAt) return null;
  const [key] = delivery.application.outboxKeys;
  const check = checkKey(context, key);
  if (check === "refused" || !key) return null;
  const signedIn = { kind: "outbox", applicationId: delivery.applicationId } as const;
  if (check === "asked") return signedIn;

  await mkdir(path.join(outboxRoot(delivery.applicationId), OUTBOX_FOLDER), { recursive: true });
  await db().outboxKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return signedIn;
}

/** "asked": the client only asked whether the key would do; "signed": it proved it holds the key. */
function checkKey(context: PublicKeyAuthContext, key: StoredKey | undefined): "refused" | "asked" | "signed" {
  const verifier = key ? verifierOf(key.publicKey) : null;
  if (!verifier || verifier.type !== context.key.algo.replace(/^rsa-sha2-(256|512)$/, "ssh-rsa")) return "refused";
  if (!context.signature || !context.blob) return "asked";
  return verifier.verify(context.blob, context.signature, context.hashAlgo) === true ? "signed" : "refused";
}
