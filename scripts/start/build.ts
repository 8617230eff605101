// Builds the app when its sources changed since the last build, so `npm start` never
// serves a stale build and does not rebuild when nothing changed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "types", "generated", "proxy.ts", "next.config.mjs",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const STAMP = ".next/rollcall-source-hash";

export function ensureBuild(root: string, log: (message: string) => void): void {
  const hash = hashSources(root);
  const stamp = path.join(root, STAMP);
  if (existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;

  log("Building Rollcall (first start or sources changed)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(stamp, hash);
}

function hashSources(root: string): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap((entry) => listFiles(path.join(root, entry))).sort()) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { withFileTypes: true }).flatMap((child) =>
    child.name.endsWith(".test.ts") ? [] : listFiles(path.join(entry, child.name)),
  );
}
