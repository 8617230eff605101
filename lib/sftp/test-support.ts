// Helpers for the SFTP tests: a district with an account and a key, an application with an
// outbox account and a key, and a client on loopback.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SftpClient from "ssh2-sftp-client";
import type { SFTPWrapper } from "ssh2";
import { addOutboxKey, ensureOutboxUsername } from "@/lib/deliveries/outbox-account";
import { db } from "@/lib/db";
import { addSftpKey, ensureSftpAccount } from "@/lib/sftp/accounts";
import { ed25519KeyPair } from "@/lib/sftp/host-key";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

/** Points the instance's data folder at a fresh temporary one; call before anything reads the config. */
export function useTemporaryDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rollcall-sftp-"));
  process.env.ROLLCALL_DATA_DIR = dir;
  return dir;
}

export type SftpDistrict = { districtId: string; adminId: string; username: string; privateKey: string; publicKey: string };

export async function districtWithSftpKey(name = "Springfield Public Schools"): Promise<SftpDistrict> {
  const admin = await createDistrictAdmin();
  const districtId = admin.districtId!;
  await db().district.update({ where: { id: districtId }, data: { name } });
  const { username } = await ensureSftpAccount(districtId);
  const pair = ed25519KeyPair("sis@district");
  await addSftpKey({ id: admin.id, districtId }, { name: "Student information system", publicKey: pair.public });
  return { districtId, adminId: admin.id, username, privateKey: pair.private, publicKey: pair.public };
}

export type SftpOutbox = { applicationId: string; vendorAdminId: string; username: string; privateKey: string; publicKey: string };

/** An application delivering Rollcall-hosted, with delivery on and one outbox key. */
export async function applicationWithOutboxKey(): Promise<SftpOutbox> {
  const { admin, application } = await createVendorWithApplication();
  await db().fileDelivery.create({ data: { applicationId: application.id, destination: "rollcall_hosted", enabled: true } });
  const username = await ensureOutboxUsername(application.id);
  const pair = ed25519KeyPair("etl@vendor");
  const added = await addOutboxKey(application.id, { name: "Nightly import", publicKey: pair.public }, admin.id);
  if (!username || !added.ok) throw new Error("outbox fixture incomplete");
  return { applicationId: application.id, vendorAdminId: admin.id, username, privateKey: pair.private, publicKey: pair.public };
}

export async function connect(port: number, username: string, privateKey: string, hostVerifier?: (key: Buffer) => boolean): Promise<SftpClient> {
  // Quiet: a refused sign-in is expected here, and its errors reach the test through connect().
  const client = new SftpClient("rollcall-test", { error: () => undefined, end: () => undefined, close: () => undefined });
  await client.connect({ host: "127.0.0.1", port, username, privateKey, readyTimeout: 10_000, hostVerifier });
  return client;
}

/** The raw SFTP channel, for requests ssh2-sftp-client hides (open handles, SFTP status codes). */
export function rawSftp(client: SftpClient): SFTPWrapper {
  const sftp = (client as unknown as { sftp?: SFTPWrapper }).sftp;
  if (!sftp) throw new Error("Not connected");
  return sftp;
}

/** The SFTP status code a request failed with (3: permission denied, 2: no such file), or "ok". */
export function statusOf(request: (callback: (error: (Error & { code?: number }) | null | undefined) => void) => void): Promise<number | "ok"> {
  return new Promise((resolve) => request((error) => resolve(error ? (error.code ?? -1) : "ok")));
}
