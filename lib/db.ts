// The one Prisma client of the process, on the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";

const globalForPrisma = globalThis as unknown as { rollcallPrisma?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: getConfig().databaseUrl }) });
}

/** Created on first use, so that importing this module (e.g. during `next build`) needs no database. */
export function db(): PrismaClient {
  globalForPrisma.rollcallPrisma ??= createClient();
  return globalForPrisma.rollcallPrisma;
}
