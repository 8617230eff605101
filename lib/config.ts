// The server's configuration, read from the environment once and validated, so that a
// missing or malformed variable stops the app with its name instead of failing later.
import { z } from "zod";

const hostList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );

const environmentSchema = z.object({
  DATABASE_URL: z.string().url("must be a postgresql:// URL"),
  ROLLCALL_ENCRYPTION_KEY: z.string().transform((value, context) => {
    const key = decodeKey(value);
    if (!key) context.addIssue({ code: "custom", message: "must be 32 bytes as base64 (44 characters) or hex (64 characters)" });
    return key ?? Buffer.alloc(0);
  }),
  ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR: hostList,
  ROLLCALL_ALLOW_OUTBOUND_TO: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(["loopback", "private"], "must list only loopback and/or private"))),
  ROLLCALL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100, "must be between 1 and 100").default(10),
  ROLLCALL_WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600, "must be between 1 and 3600").default(60),
  ROLLCALL_WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).max(3650, "must be between 1 and 3650").default(90),
  NEXTAUTH_URL: z.string().url("must be an absolute URL such as https://rollcall.example.org").optional(),
});

export type Config = {
  databaseUrl: string;
  encryptionKey: Buffer;
  /** Hosts (e.g. localhost) whose webhook URLs may use plain http://. */
  httpWebhookHosts: string[];
  /** Address ranges outbound requests may reach besides the public internet (development and tests). */
  outboundAllowedNetworks: ReadonlyArray<"loopback" | "private">;
  /** Where vendors reach this instance, used in links that leave it (e.g. credentialsUrl). */
  publicUrl: string;
  /** Webhook attempts one worker process runs at once. */
  workerConcurrency: number;
  /** A job held longer than this belongs to a worker that died, and is run again. */
  workerLeaseMs: number;
  /** Days the deliveries log keeps delivered and failed messages. */
  webhookLogDays: number;
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
    encryptionKey: env.ROLLCALL_ENCRYPTION_KEY,
    httpWebhookHosts: env.ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR,
    outboundAllowedNetworks: env.ROLLCALL_ALLOW_OUTBOUND_TO,
    workerConcurrency: env.ROLLCALL_WORKER_CONCURRENCY,
    workerLeaseMs: env.ROLLCALL_WORKER_LEASE_SECONDS * 1000,
    webhookLogDays: env.ROLLCALL_WEBHOOK_LOG_DAYS,
    publicUrl: (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
  };
  return cached;
}

function decodeKey(value: string): Buffer | null {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : null;
}
