// `npm run rollcall -- <command>`: tasks for whoever runs the instance. Against DATABASE_URL,
// or else the embedded database in the data folder, started the way `npm start` starts it
// (stop a running `npm start` on that folder first: one server per folder).
import path from "node:path";
import { parseArgs } from "node:util";
import { INVITATION_LIFETIME_HOURS } from "@/lib/invitations/invitations";
import { createOperatorInvitation } from "@/lib/invitations/operators";
import { openCliDatabase, type CliDatabase } from "./start/cli-database";

const USAGE = `Usage: npm run rollcall -- <command>

Commands:
  create-operator <email> [--name "Full Name"]
      Creates an operator invitation and prints a one-time sign-in link (valid ${INVITATION_LIFETIME_HOURS} hours).
      For an existing operator, prints a new link (the person sets a new password with it).

Set NEXTAUTH_URL to the address people use to reach this instance, so that the link points there.`;

const root = path.resolve(import.meta.dirname, "..");
let database: CliDatabase | undefined;

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
  database = await openCliDatabase(root);
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? "3000"}`;
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

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await database?.close();
    process.exit(code);
  });
