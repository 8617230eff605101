// Rollcall's SFTP server (ssh2 in server mode): public-key sign-in only, one account per
// district, each seeing only its own inbox/, archive/ and rejected/ (sftp-session.ts).
import type { AddressInfo } from "node:net";
import ssh2, { type AuthContext, type Connection } from "ssh2";
import { db } from "@/lib/db";
import { accountRoot, ensureAccountFolders } from "@/lib/sftp/folders";
import { getHostKey } from "@/lib/sftp/host-key";
import { isAddressAllowed } from "@/lib/sftp/networks";
import { fingerprintOf, verifierOf } from "@/lib/sftp/public-keys";
import { serveSftpSession } from "@/lib/sftp/sftp-session";

const { Server } = ssh2;

export type SftpServerOptions = {
  port: number;
  /** The address to listen on; every interface when left out. */
  host?: string;
  maxUploadBytes: number;
};

export type RunningSftpServer = { port: number; close(): Promise<void> };

/** A client gets this long to sign in, and this many tries, before it is disconnected. */
const SIGN_IN_MS = 60_000;
const MAX_SIGN_IN_FAILURES = 10;

export async function startSftpServer({ port, host, maxUploadBytes }: SftpServerOptions): Promise<RunningSftpServer> {
  const hostKey = await getHostKey();
  const connections = new Set<Connection>();
  const server = new Server({ hostKeys: [hostKey.privateKey], ident: "Rollcall" }, (client, info) => {
    connections.add(client);
    let districtId: string | null = null;
    let failures = 0;
    const signInTimer = setTimeout(() => client.end(), SIGN_IN_MS);

    client.on("authentication", (context) => {
      authenticate(context, info.ip).then(
        (accepted) => {
          if (accepted) {
            if (context.method === "publickey" && context.signature) {
              districtId = accepted;
              clearTimeout(signInTimer);
            }
            return context.accept();
          }
          // A query for a key the client may sign with is not a failure (publickey without a signature).
          if (context.method === "publickey" && !context.signature) return context.reject(["publickey"]);
          if (++failures >= MAX_SIGN_IN_FAILURES) return client.end();
          context.reject(["publickey"]);
        },
        (error: unknown) => {
          console.error("SFTP sign-in could not be checked", error);
          context.reject(["publickey"]);
        },
      );
    });

    client.on("ready", () => {
      const account = districtId;
      if (!account) return client.end();
      client.on("session", (acceptSession) => {
        const session = acceptSession();
        // Accepted at once: the client's first SFTP packet follows the confirmation immediately.
        session.on("sftp", (acceptSftp) => serveSftpSession(acceptSftp(), { root: accountRoot(account), maxUploadBytes }));
      });
    });

    client.on("error", () => undefined); // Dropped connections and bad handshakes end the connection only.
    client.on("close", () => {
      clearTimeout(signInTimer);
      connections.delete(client);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error: Error) => console.error("SFTP server error", error));

  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        connections.forEach((client) => client.end());
        server.close(() => resolve());
      }),
  };
}

/**
 * The district a sign-in reaches, or null. A publickey attempt without a signature only asks
 * whether the key would do; the answer is the same district, and the client then signs.
 */
async function authenticate(context: AuthContext, address: string): Promise<string | null> {
  if (context.method !== "publickey") return null;
  const account = await db().sftpAccount.findUnique({
    where: { username: context.username },
    select: { districtId: true, allowedNetworks: true, district: { select: { sftpKeys: { select: { id: true, publicKey: true, fingerprint: true } } } } },
  });
  if (!account || !isAddressAllowed(address, account.allowedNetworks)) return null;
  const fingerprint = fingerprintOf(context.key.data);
  const key = account.district.sftpKeys.find((candidate) => candidate.fingerprint === fingerprint);
  const verifier = key ? verifierOf(key.publicKey) : null;
  if (!key || !verifier || verifier.type !== context.key.algo.replace(/^rsa-sha2-(256|512)$/, "ssh-rsa")) return null;
  if (!context.signature || !context.blob) return account.districtId;
  if (verifier.verify(context.blob, context.signature, context.hashAlgo) !== true) return null;

  await ensureAccountFolders(account.districtId);
  const now = new Date();
  await db().$transaction([
    db().sftpAccount.update({ where: { districtId: account.districtId }, data: { lastLoginAt: now } }),
    db().sftpKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }),
  ]);
  return account.districtId;
}
