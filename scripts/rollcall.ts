// `npm run rollcall -- <command>`: tasks for whoever runs the instance. Against DATABASE_URL,
// or else the embedded database in the data folder, started the way `npm start` starts it
// (stop a running `npm start` on that folder first: one server per folder).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { INVITATION_LIFETIME_HOURS } from "@/lib/invitations/invitations";
import { createOperatorInvitation } from "@/lib/invitations/operators";
import { loadOrCreateLocalSecrets } from "./start/local-secrets";

const USAGE = `Usage: npm run rollcall -- <command>

Commands:
  create-operator <email> [--name "Full Name"]
      Creates an operator invitation and prints a one-time sign-in link (valid ${INVITATION_LIFETIME_HOURS} hours).
      For an existing operator, prints a new link (the person sets a new password with it).

Set NEXTAUTH_URL to the address people use to reach this instance, so that the link points there.`;

const root = path.resolve(import.meta.dirname, "..");
let embedded: EmbeddedDatabase | undefined;
let connected = false;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = { "create-operator": createOperator };

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (name === "help" || name === "--help") {
    console.log(USAGE);
    return 0;
  }
  if (!command) {
    console.error(name ? `Unknown command "${name}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  return command(args);
}

async function createOperator(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: "string" } }, allowPositionals: true });
  const [email, ...extra] = positionals;
  if (!email || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  await connect();
  const result = await createOperatorInvitation({ email, name: values.name });
  if (!result.ok) {
    console.error(result.error);
    return 1;
  }
  console.log(result.existingOperator ? `A new sign-in link for the operator ${email}:` : `Operator invitation for ${email}:`);
  console.log(`\n  ${result.link}\n`);
  console.log(`It works once, until ${result.expiresAt.toISOString()}. Open it to set the password, then sign in.`);
  return 0;
}

async function connect(): Promise<void> {
  const env = process.env;
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, env.ROLLCALL_DATA_DIR ?? ".data");
    console.log(`Starting the embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/postgres`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    env.DATABASE_URL = embedded.connectionString;
    env.ROLLCALL_ENCRYPTION_KEY ??= loadOrCreateLocalSecrets(dataDir).encryptionKey;
    await applyMigrations(env.DATABASE_URL);
  }
  // The configuration insists on an encryption key; an invitation holds no encrypted secret,
  // so without one this process gets a throwaway key that never encrypts anything.
  env.ROLLCALL_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  env.NEXTAUTH_URL ??= `http://localhost:${env.PORT ?? "3000"}`;
  connected = true;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    if (connected) await db().$disconnect().catch(() => undefined);
    await embedded?.stop();
    process.exit(code);
  });
