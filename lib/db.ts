// The one Prisma client of the process, on the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";

const globalForPrisma = globalThis as unknown as { rollcallPrisma?: PrismaClient };

/**
 * Prisma gives a transaction's connection back to the pool only once its COMMIT or ROLLBACK
 * has succeeded. When the connection dies mid-transaction (PostgreSQL restarted), that
 * statement fails and the connection stayed lent out for good: after a restart during
 * busy traffic the pool was full of dead connections and every query waited forever.
 * This adapter gives the connection back anyway; the pool drops it if it is broken.
 */
class PrismaPgSurvivingRestarts extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.sql === "COMMIT" || query.sql === "ROLLBACK") await transaction.rollback();
          throw error;
        }
      };
      return transaction;
    };
    return adapter;
  }
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPgSurvivingRestarts({ connectionString: getConfig().databaseUrl }) });
}

/** Created on first use, so that importing this module (e.g. during `next build`) needs no database. */
export function db(): PrismaClient {
  globalForPrisma.rollcallPrisma ??= createClient();
  return globalForPrisma.rollcallPrisma;
}
