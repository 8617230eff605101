// Rollcall as an SFTP client of a vendor's server: connects only to a vetted address, checks
// the server's host key against the pinned fingerprint, signs in with the application's key,
// and uploads each file under a hidden temporary name, renamed into place once complete.
import path from "node:path";
import ssh2, { type SFTPWrapper } from "ssh2";
import { resolveDestinationAddress, type Lookup, type ResolvedAddress } from "@/lib/deliveries/destination-address";
import type { DeliveryFailure, ExportedFile } from "@/lib/deliveries/types";
import { errorCode, seconds } from "@/lib/outbound/network-errors";
import { fingerprintOf } from "@/lib/sftp/public-keys";

const { Client, utils } = ssh2;
const { STATUS_CODE } = utils.sftp;

export type SftpTarget = { host: string; port: number; username: string; folder: string; privateKey: string; pinnedHostKey: string | null };
export type UploadResult = { ok: true; hostKey: string } | { ok: false; failure: DeliveryFailure; hostKey: string | null };
export type SftpClientOptions = {
  lookup?: Lookup;
  /** How long any one step (connecting, signing in, each request, each part of an upload) may wait for the server. */
  timeoutMs?: number;
  /** Called with the vetted address just before the connection is opened. */
  onConnect?: (address: ResolvedAddress) => void;
};

export const DEFAULT_SFTP_TIMEOUT_MS = 30_000;

/** The name a file has on the server while it is being written. */
export function temporaryName(name: string): string {
  return `.${name}.part`;
}

/** Uploads the files into the target's folder (made if missing), each under its temporary name then renamed. Never throws. */
export async function uploadToSftp(target: SftpTarget, files: readonly ExportedFile[], options: SftpClientOptions = {}): Promise<UploadResult> {
  return inSession(target, options, async (sftp, progress) => {
    const folder = await ensureFolder(sftp, target.folder);
    for (const file of files) {
      const temporary = path.posix.join(folder, temporaryName(file.name));
      const final = path.posix.join(folder, file.name);
      await call<void>((done) => sftp.fastPut(file.path, temporary, { concurrency: 16, chunkSize: 32_768, step: () => progress() }, done));
      progress();
      await replace(sftp, temporary, final);
      progress();
    }
  });
}

/** Connects, checks the host key and signs in, and checks the folder, without uploading: the tab's Test connection. */
export async function checkSftpTarget(target: SftpTarget, options: SftpClientOptions = {}): Promise<UploadResult> {
  return inSession(target, options, async (sftp) => {
    const attributes = await call<{ isDirectory(): boolean }>((done) => sftp.stat(target.folder, done)).catch((error: unknown) => {
      throw sftpStatus(error) === STATUS_CODE.NO_SUCH_FILE
        ? new DeliveryError({ kind: "error", message: `The folder ${target.folder} does not exist on ${endpointOf(target)}: create it, or change the folder on the File delivery tab.`, retry: true })
        : error;
    });
    if (!attributes.isDirectory()) throw new DeliveryError({ kind: "error", message: `${target.folder} on ${endpointOf(target)} is a file, not a folder.`, retry: true });
  });
}

/** A failure already said in words. */
class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(failure.message);
  }
}

type Work = (sftp: SFTPWrapper, progress: () => void) => Promise<void>;

async function inSession(target: SftpTarget, options: SftpClientOptions, work: Work): Promise<UploadResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SFTP_TIMEOUT_MS;
  const endpoint = endpointOf(target);
  try {
    const resolved = await resolveDestinationAddress(target.host, { lookup: options.lookup, timeoutMs });
    if (!resolved.ok) return { ok: false, failure: resolved.failure, hostKey: null };
    options.onConnect?.(resolved.address);
    return await connectAndWork(target, resolved.address.address, timeoutMs, work);
  } catch (error) {
    return { ok: false, failure: { kind: "error", message: `The delivery to ${endpoint} failed: ${messageOf(error)}.`, retry: true }, hostKey: null };
  }
}

function connectAndWork(target: SftpTarget, address: string, timeoutMs: number, work: Work): Promise<UploadResult> {
  const endpoint = endpointOf(target);
  const client = new Client();
  let presented: string | null = null;
  let hostKeyRefused: "unpinned" | "changed" | null = null;
  let signedIn = false;

  return new Promise<UploadResult>((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: UploadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.end();
      // A server that ignores the goodbye must not hold the socket open.
      setTimeout(() => client.destroy(), 1_000).unref();
      resolve(result);
    };
    const fail = (failure: DeliveryFailure) => finish({ ok: false, failure, hostKey: presented });
    /** Every answer from the server restarts the clock: a large upload may take long, a silent server may not. */
    const progress = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail({ kind: "timeout", message: `No answer from ${endpoint} within ${seconds(timeoutMs)}.`, retry: true }), timeoutMs);
    };
    const hostKeyFailure = (): DeliveryFailure =>
      hostKeyRefused === "changed"
        ? { kind: "host_key_changed", message: `The server's host key changed from ${target.pinnedHostKey} to ${presented}. Delivery stops until you confirm the new fingerprint.`, retry: false }
        : { kind: "host_key_unconfirmed", message: `${endpoint} presented the host key ${presented}. Confirm this fingerprint on the File delivery tab to start delivering.`, retry: false };

    progress();
    client.on("error", (error: Error & { level?: string }) => {
      if (hostKeyRefused) return fail(hostKeyFailure());
      if (error.level === "client-authentication") {
        return fail({ kind: "auth_refused", message: `The server refused the key: install the public key shown on the File delivery tab for user ${target.username}.`, retry: false });
      }
      fail(connectionFailure(error, endpoint, timeoutMs, signedIn));
    });
    client.on("close", () => fail(hostKeyRefused ? hostKeyFailure() : { kind: "unreachable", message: `${endpoint} closed the connection${signedIn ? " during the delivery" : " before Rollcall could sign in"}.`, retry: true }));
    client.on("ready", () => {
      signedIn = true;
      progress();
      client.sftp((error, sftp) => {
        if (error) return fail({ kind: "error", message: `${endpoint} does not offer SFTP to user ${target.username} (${error.message}).`, retry: true });
        progress();
        work(sftp, progress).then(
          () => finish({ ok: true, hostKey: presented! }),
          (failure: unknown) => fail(failure instanceof DeliveryError ? failure.failure : sftpFailure(failure, endpoint)),
        );
      });
    });

    try {
      client.connect({
        host: address,
        port: target.port,
        username: target.username,
        privateKey: target.privateKey,
        readyTimeout: timeoutMs,
        hostVerifier: (key: Buffer) => {
          progress();
          presented = fingerprintOf(key);
          if (target.pinnedHostKey === null) hostKeyRefused = "unpinned";
          else if (target.pinnedHostKey !== presented) hostKeyRefused = "changed";
          return hostKeyRefused === null;
        },
      });
    } catch (error) {
      fail({ kind: "error", message: `Could not start the connection to ${endpoint}: ${messageOf(error)}.`, retry: false });
    }
  });
}

/** The folder's path on the server, made (one level) when it is not there yet. */
async function ensureFolder(sftp: SFTPWrapper, folder: string): Promise<string> {
  const normalised = path.posix.normalize(folder.startsWith("/") ? folder : `/${folder}`);
  const existing = await call<{ isDirectory(): boolean }>((done) => sftp.stat(normalised, done)).catch(() => null);
  if (existing?.isDirectory()) return normalised;
  if (existing) throw new DeliveryError({ kind: "error", message: `${normalised} is a file on the server, not a folder.`, retry: true });
  await call<void>((done) => sftp.mkdir(normalised, done)).catch((error: unknown) => {
    throw new DeliveryError({ kind: "error", message: `The folder ${normalised} does not exist on the server and could not be made (${messageOf(error)}): check the folder on the File delivery tab.`, retry: true });
  });
  return normalised;
}

/** Renames the finished temporary file over the final name (servers without posix-rename refuse to overwrite). */
async function replace(sftp: SFTPWrapper, temporary: string, final: string): Promise<void> {
  const extensions = (sftp as unknown as { _extensions?: Record<string, string> })._extensions ?? {};
  if (extensions["posix-rename@openssh.com"] === "1") return call<void>((done) => sftp.ext_openssh_rename(temporary, final, done));
  try {
    await call<void>((done) => sftp.rename(temporary, final, done));
  } catch (error) {
    const exists = await call((done) => sftp.stat(final, done)).then(() => true, () => false);
    if (!exists) throw error;
    await call<void>((done) => sftp.unlink(final, done));
    await call<void>((done) => sftp.rename(temporary, final, done));
  }
}

function connectionFailure(error: Error & { level?: string }, endpoint: string, timeoutMs: number, signedIn: boolean): DeliveryFailure {
  const code = errorCode(error) ?? "";
  if (error.level === "client-timeout" || code === "ETIMEDOUT") return { kind: "timeout", message: `No answer from ${endpoint} within ${seconds(timeoutMs)}.`, retry: true };
  if (code === "ECONNREFUSED") return { kind: "unreachable", message: `${endpoint} refused the connection: check the host and port, and that the SFTP server is running.`, retry: true };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return { kind: "unreachable", message: `Could not reach ${endpoint} (${code}).`, retry: true };
  if (code === "ECONNRESET" || code === "EPIPE") return { kind: "unreachable", message: `${endpoint} closed the connection${signedIn ? " during the delivery" : ""}.`, retry: true };
  if (error.level === "handshake" || error.level === "protocol") return { kind: "error", message: `${endpoint} did not complete an SSH handshake with Rollcall (${error.message}). Is it an SFTP server?`, retry: true };
  return { kind: "error", message: `The connection to ${endpoint} failed: ${error.message}.`, retry: true };
}

const DISK_FULL = /no space|disk full|quota|insufficient storage/i;

function sftpFailure(error: unknown, endpoint: string): DeliveryFailure {
  const message = messageOf(error);
  if (DISK_FULL.test(message)) return { kind: "disk_full", message: `The server's disk is full (${message}).`, retry: true };
  if (sftpStatus(error) === STATUS_CODE.PERMISSION_DENIED) {
    return { kind: "error", message: `${endpoint} does not let Rollcall write there (${message}): check the folder and the user's permissions.`, retry: true };
  }
  return { kind: "error", message: `${endpoint} refused the upload: ${message}.`, retry: true };
}

/** The SFTP status code ssh2 puts on a refused request's error. */
function sftpStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}

function call<T>(request: (done: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => request((error, value) => (error ? reject(error) : resolve(value as T))));
}

function endpointOf(target: Pick<SftpTarget, "host" | "port">): string {
  return `${target.host}:${target.port}`;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}
