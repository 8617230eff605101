// First-load JavaScript per route, from a build's manifests (Next 16 no longer prints sizes):
// the runtime every page loads (build-manifest.json's rootMainFiles) plus the chunks of the
// route's own entries (its layouts, error boundaries and page, from the route's client reference
// manifest; a not-found page loads only when it is shown). Polyfills are left out: only
// browsers without ES modules load them.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export const FIRST_LOAD_TARGET_BYTES = 150_000;

export type RouteSize = { route: string; gzipBytes: number; rawBytes: number; chunks: string[] };

type BuildManifest = { rootMainFiles: string[]; polyfillFiles: string[]; pagesChunkGroupBootstrapParams: Record<string, unknown> };
type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

export function firstLoadJs(buildDir: string): RouteSize[] {
  const manifest = readBuildManifest(buildDir);
  const sizes = new Map<string, { gzip: number; raw: number }>();
  const sizeOf = (chunk: string) => {
    if (!sizes.has(chunk)) {
      const bytes = readFileSync(path.join(buildDir, chunk));
      sizes.set(chunk, { gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length });
    }
    return sizes.get(chunk)!;
  };
  return Object.keys(manifest.pagesChunkGroupBootstrapParams)
    .filter((entry) => entry !== "/_global-error/page")
    .map((entry) => {
      const chunks = new Set(manifest.rootMainFiles);
      for (const [segment, files] of Object.entries(readClientReferenceManifest(buildDir, entry).entryJSFiles ?? {})) {
        if (segment.endsWith("/not-found") && entry !== "/_not-found/page") continue;
        for (const file of files) chunks.add(file.replace(/^\/_next\//, ""));
      }
      const listed = [...chunks].filter((chunk) => chunk.endsWith(".js"));
      return {
        route: routeOf(entry),
        gzipBytes: listed.reduce((sum, chunk) => sum + sizeOf(chunk).gzip, 0),
        rawBytes: listed.reduce((sum, chunk) => sum + sizeOf(chunk).raw, 0),
        chunks: listed,
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** The same measure from a served page: every chunk its HTML and inline RSC payload reference. */
export function firstLoadJsOfHtml(buildDir: string, html: string): { gzipBytes: number; chunks: string[] } {
  const polyfills = new Set(readBuildManifest(buildDir).polyfillFiles);
  const referenced = [...html.matchAll(/\/_next\/(static\/chunks\/[\w.~-]+\.js)/g)].map((match) => match[1]!);
  const chunks = [...new Set(referenced)].filter((chunk) => !polyfills.has(chunk));
  const gzipBytes = chunks.reduce((sum, chunk) => sum + gzipSync(readFileSync(path.join(buildDir, chunk)), { level: 9 }).length, 0);
  return { gzipBytes, chunks };
}

function readBuildManifest(buildDir: string): BuildManifest {
  return JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as BuildManifest;
}

/** The manifest is a script that assigns to globalThis.__RSC_MANIFEST[entry]. */
function readClientReferenceManifest(buildDir: string, entry: string): ClientReferenceManifest {
  const file = path.join(buildDir, "server/app", `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) return {};
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  return Object.values(sandbox.__RSC_MANIFEST ?? {})[0] ?? {};
}

/** "/(vendor)/apps/[appId]/provisioning/page" → "/apps/[appId]/provisioning". */
function routeOf(entry: string): string {
  const route = entry
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/");
  return route || "/";
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
