// The server's configuration, read from the environment once and validated, so that a
// missing or malformed variable stops the app with its name instead of failing later.
import path from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "@/lib/webhooks/retry-schedule";
import type { EncryptionKeys } from "@/lib/crypto/secret-box";

/**
 * Node lets an idle-looking heap grow to several times what it holds before collecting: a
 * worker applying a 100,000-user import holds 35-60 MB but peaked at 330 MB uncapped, and at
 * 225 MB (no slower) with this cap. See docs/benchmarks.md.
 */
export const WORKER_HEAP_MB = 192;

const hostList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );

const encryptionKey = z.string().transform((value, context) => {
  const key = decodeKey(value);
  if (!key) context.addIssue({ code: "custom", message: "must be 32 bytes as base64 (44 characters) or hex (64 characters)" });
  return key ?? Buffer.alloc(0);
});

// One delay per retry, in milliseconds: a short schedule lets tests and staging see a
// message through all its attempts in seconds instead of a day.
const retryDelays = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined) return RETRY_DELAYS_MS;
    const delays = value.split(",").map((item) => Number(item.trim()));
    if (delays.length !== MAX_ATTEMPTS - 1 || !delays.every((delay) => Number.isInteger(delay) && delay >= 0)) {
      context.addIssue({ code: "custom", message: `must list ${MAX_ATTEMPTS - 1} delays in milliseconds, one per retry` });
    }
    return [0, ...delays];
  });

const environmentSchema = z.object({
  DATABASE_URL: z.string().url("must be a postgresql:// URL"),
  ROLLCALL_ENCRYPTION_KEY: encryptionKey,
  // During a key rotation: the keys that were current before, still accepted for decryption.
  ROLLCALL_PREVIOUS_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(encryptionKey)),
  ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR: hostList,
  ROLLCALL_ALLOW_OUTBOUND_TO: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(["loopback", "private"], "must list only loopback and/or private"))),
  ROLLCALL_WORKER_PROCESSES: z.coerce.number().int().min(0).max(32, "must be between 0 and 32").default(1),
  ROLLCALL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100, "must be between 1 and 100").default(10),
  ROLLCALL_WORKER_HEAP_MB: z.coerce.number().int().min(96).max(16_384, "must be between 96 and 16384").default(WORKER_HEAP_MB),
  ROLLCALL_WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600, "must be between 1 and 3600").default(60),
  ROLLCALL_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000, "must be between 100 and 60000").default(10_000),
  ROLLCALL_WEBHOOK_RETRY_DELAYS_MS: retryDelays,
  ROLLCALL_WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).max(3650, "must be between 1 and 3650").default(90),
  ROLLCALL_DATA_DIR: z.string().optional(),
  ROLLCALL_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2048, "must be between 1 and 2048").default(100),
  SFTP_PORT: z.coerce.number().int().min(0).max(65535, "must be a port number (0 turns the SFTP server off)").default(2222),
  ROLLCALL_LISTEN_HOST: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().refine((value) => ipaddr.isValid(value), "must be an IP address such as 127.0.0.1 or ::1").optional(),
  ),
  SFTP_HOST: z.string().optional(),
  NEXTAUTH_URL: z.string().url("must be an absolute URL such as https://rollcall.example.org").optional(),
  // Empty counts as unset, as a deployment's template often leaves it.
  SMTP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().regex(/^smtps?:\/\/[^/\s]+/i, "must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.org").optional(),
  ),
  SMTP_FROM: z.string().trim().min(1).optional(),
});

export type Config = {
  databaseUrl: string;
  /** The key that encrypts secrets, and the previous keys still accepted to decrypt them. */
  encryptionKey: EncryptionKeys;
  /** Hosts (e.g. localhost) whose webhook URLs may use plain http://. */
  httpWebhookHosts: string[];
  /** Address ranges outbound requests may reach besides the public internet (development and tests). */
  outboundAllowedNetworks: ReadonlyArray<"loopback" | "private">;
  /** Where vendors reach this instance, used in links that leave it (e.g. credentialsUrl). */
  publicUrl: string;
  /** Webhook worker processes `npm start` runs beside the web server (0: web only). */
  workerProcesses: number;
  /** Webhook attempts one worker process runs at once. */
  workerConcurrency: number;
  /** A job held longer than this belongs to a worker that died, and is run again. */
  workerLeaseMs: number;
  /** The JavaScript heap of a worker process `npm start` runs, in MB (Node's --max-old-space-size). */
  workerHeapMb: number;
  /** How long one webhook attempt may take, from connecting to the end of the response. */
  webhookTimeoutMs: number;
  /** Delay before each attempt of a message; the first is 0. */
  webhookRetryDelaysMs: readonly number[];
  /** Days the deliveries log keeps delivered and failed messages. */
  webhookLogDays: number;
  /** Where the instance keeps its files (the SFTP server's folders; the embedded database). */
  dataDir: string;
  /** The largest file an import accepts, in bytes (a zip's uncompressed size may be larger, within limits). */
  importMaxBytes: number;
  /** The SFTP server's port (0: no SFTP server), and the host name districts are told to connect to. */
  sftpPort: number;
  sftpHost: string;
  /** The address the web and SFTP servers listen on; null: every interface. */
  listenHost: string | null;
  /** Where invitation emails go out (none: the operator console shows the link to pass on), and their sender. */
  smtpUrl: string | null;
  smtpFrom: string;
};

let cached: Config | undefined;

export function getConfig(): Config {
  if (cached) return cached;
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Rollcall's environment is not valid:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  cached = {
    databaseUrl: env.DATABASE_URL,
    encryptionKey: { current: env.ROLLCALL_ENCRYPTION_KEY, previous: env.ROLLCALL_PREVIOUS_ENCRYPTION_KEYS },
    httpWebhookHosts: env.ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR,
    outboundAllowedNetworks: env.ROLLCALL_ALLOW_OUTBOUND_TO,
    workerProcesses: env.ROLLCALL_WORKER_PROCESSES,
    workerConcurrency: env.ROLLCALL_WORKER_CONCURRENCY,
    workerLeaseMs: env.ROLLCALL_WORKER_LEASE_SECONDS * 1000,
    workerHeapMb: env.ROLLCALL_WORKER_HEAP_MB,
    webhookTimeoutMs: env.ROLLCALL_WEBHOOK_TIMEOUT_MS,
    webhookRetryDelaysMs: env.ROLLCALL_WEBHOOK_RETRY_DELAYS_MS,
    webhookLogDays: env.ROLLCALL_WEBHOOK_LOG_DAYS,
    publicUrl: (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.ROLLCALL_DATA_DIR ?? ".data"),
    importMaxBytes: env.ROLLCALL_IMPORT_MAX_MB * 1024 * 1024,
    sftpPort: env.SFTP_PORT,
    listenHost: env.ROLLCALL_LISTEN_HOST ?? null,
    sftpHost: env.SFTP_HOST ?? new URL(env.NEXTAUTH_URL ?? "http://localhost:3000").hostname,
    smtpUrl: env.SMTP_URL ?? null,
    smtpFrom: env.SMTP_FROM ?? `Rollcall <no-reply@${new URL(env.NEXTAUTH_URL ?? "http://localhost:3000").hostname}>`,
  };
  return cached;
}

function decodeKey(value: string): Buffer | null {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : null;
}
