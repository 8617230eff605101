// Prisma CLI configuration. The WebAssembly schema engine ("js") and the pg adapter keep
// every CLI command offline: no native engine is downloaded (docs/architecture.md).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true });
  },
});
