// Starting the SFTP server as configured (SFTP_PORT; 0 turns it off), for `npm start` and
// `npm run worker`, with a start-up failure said in words.
import { getConfig } from "@/lib/config";
import { getHostKey } from "@/lib/sftp/host-key";
import { startSftpServer, type RunningSftpServer } from "@/lib/sftp/server";

/**
 * Set by `npm start` for the processes it runs, once its own process serves SFTP: its
 * workers then leave the port alone, so one `npm start` runs exactly one SFTP server.
 */
export const SFTP_SERVED_ELSEWHERE = "ROLLCALL_SFTP_SERVED_BY_START";

/**
 * With `ifPortTaken: "skip"` (worker processes) a port already in use means another process
 * on this machine serves SFTP, e.g. the first of several workers: this one runs without it.
 */
export async function startConfiguredSftpServer(
  log: (message: string) => void,
  { ifPortTaken = "fail" }: { ifPortTaken?: "fail" | "skip" } = {},
): Promise<RunningSftpServer | null> {
  const { sftpPort, importMaxBytes, listenHost } = getConfig();
  if (sftpPort === 0) {
    log("The SFTP server is off (SFTP_PORT=0)");
    return null;
  }
  try {
    const server = await startSftpServer({ port: sftpPort, host: listenHost ?? undefined, maxUploadBytes: importMaxBytes });
    log(`SFTP server listening on ${listenHost ?? "every interface"}, port ${server.port} (host key ${(await getHostKey()).fingerprint})`);
    return server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" && ifPortTaken === "skip") {
      log(`Port ${sftpPort} is in use, so this process does not serve SFTP (another Rollcall process on this machine may). Set SFTP_PORT=0 to silence this.`);
      return null;
    }
    if (code === "EADDRINUSE") throw new Error(`The SFTP server could not listen on port ${sftpPort}: something else uses it. Set SFTP_PORT to a free port, or to 0 to turn SFTP off.`);
    if (code === "EACCES") throw new Error(`The SFTP server may not listen on port ${sftpPort} (ports below 1024 need privileges). Set SFTP_PORT to a port above 1023.`);
    throw error;
  }
}
