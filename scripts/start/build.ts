// Builds the app when its sources changed since the last build, so `npm start` never
// serves a stale build and does not rebuild when nothing changed: Next.js's build, and beside
// it the production web server (web-server.ts) bundled into plain JavaScript.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build as bundle } from "esbuild";

const SOURCES = ["app", "components", "lib", "public", "types", "generated", "proxy.ts", "next.config.mjs",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json", "scripts/start/web-server.ts", "scripts/start/web-listener.ts"];
/** Where `next build` writes (next.config.mjs reads the same variable). */
export const buildDir = () => process.env.ROLLCALL_BUILD_DIR || ".next";
const stampOf = (root: string) => path.join(root, buildDir(), "rollcall-source-hash");
/** The bundled production web server, run with plain `node` from the checkout. */
export const webServerEntry = (root: string) => path.join(root, buildDir(), "rollcall-server", "web-server.mjs");

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
  await bundleWebServer(root);
  writeFileSync(stampOf(root), hash);
}

/**
 * Bundled rather than run through tsx, whose loader cost the web process about 90 MB, since it
 * sees every module Next.js loads. Packages stay in node_modules. The SCIM lane is a chunk of its
 * own, loaded once Next.js is prepared: the next/* modules it reaches need Next.js's
 * AsyncLocalStorage in place when they load.
 */
async function bundleWebServer(root: string): Promise<void> {
  await bundle({
    entryPoints: [path.join(root, "scripts/start/web-server.ts")],
    outdir: path.dirname(webServerEntry(root)),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // next has no exports map, so Node's ESM resolution needs the files' full names.
    alias: { "next/headers": "next/headers.js", "next/server": "next/server.js" },
    logLevel: "warning",
  });
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
