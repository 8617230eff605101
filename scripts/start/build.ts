// Builds the app when its sources changed since the last build, so `npm start` never
// serves a stale build and does not rebuild when nothing changed.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "types", "generated", "proxy.ts", "next.config.mjs",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
/** Where `next build` writes (next.config.mjs reads the same variable). */
export const buildDir = () => process.env.ROLLCALL_BUILD_DIR || ".next";
const stampOf = (root: string) => path.join(root, buildDir(), "rollcall-source-hash");

export function isBuildCurrent(root: string): boolean {
  const stamp = stampOf(root);
  return existsSync(path.join(root, buildDir(), "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hashSources(root);
}

/** Runs `next build`; `onStart` receives the build process so that a signal can stop it. */
export async function build(root: string, onStart: (child: ChildProcess) => void): Promise<void> {
  const hash = hashSources(root);
  // next build adds its build folder's type paths to tsconfig.json; a build in a folder other
  // than .next must leave the project's file as it was.
  const tsconfig = path.join(root, "tsconfig.json");
  const tsconfigBefore = readFileSync(tsconfig, "utf8");
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  onStart(child);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (buildDir() !== ".next") writeFileSync(tsconfig, tsconfigBefore);
  if (code !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(stampOf(root), hash);
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
