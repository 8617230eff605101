// Rollcall's SFTP server (ssh2 in server mode): public-key sign-in only (sign-in.ts). A district's
// account sees only its own inbox/, archive/ and rejected/ (district-session.ts); a vendor's
// outbox account sees only its application's outbox/, read-only (outbox-session.ts).
import type { AddressInfo } from "node:net";
import ssh2, { type Connection, type SFTPWrapper } from "ssh2";
import { outboxRoot } from "@/lib/deliveries/outbox";
import { serveDistrictSession, type UploadedFile } from "@/lib/sftp/district-session";
import { accountRoot } from "@/lib/sftp/folders";
import { getHostKey } from "@/lib/sftp/host-key";
import { serveOutboxSession } from "@/lib/sftp/outbox-session";
import { authenticate, type SignedInAccount } from "@/lib/sftp/sign-in";
import { recordSftpUpload } from "@/lib/sftp/uploads";

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
    let signedIn: SignedInAccount | null = null;
    let failures = 0;
    const signInTimer = setTimeout(() => client.end(), SIGN_IN_MS);

    client.on("authentication", (context) => {
      authenticate(context, info.ip).then(
        (accepted) => {
          if (accepted) {
            if (context.method === "publickey" && context.signature) {
              signedIn = accepted;
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
      const account = signedIn;
      if (!account) return client.end();
      client.on("session", (acceptSession) => {
        const session = acceptSession();
        // Accepted at once: the client's first SFTP packet follows the confirmation immediately.
        session.on("sftp", (acceptSftp) => serveAccount(acceptSftp(), account, { maxUploadBytes, address: info.ip }));
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

function serveAccount(sftp: SFTPWrapper, account: SignedInAccount, { maxUploadBytes, address }: { maxUploadBytes: number; address: string }): void {
  if (account.kind === "district") {
    const { districtId, key } = account;
    const onUploaded = (file: UploadedFile) => recordSftpUpload({ districtId, key, address }, file);
    return serveDistrictSession(sftp, { root: accountRoot(districtId), maxUploadBytes, onUploaded });
  }
  serveOutboxSession(sftp, { root: outboxRoot(account.applicationId), applicationId: account.applicationId });
}
