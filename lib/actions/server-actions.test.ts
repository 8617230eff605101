// Every export of a "use server" file is a public endpoint; each must come from an
// authorising wrapper (vendorAction, …) so that none can skip authentication.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAuthorisedAction } from "@/lib/actions/authorised-action";

const root = path.resolve(import.meta.dirname, "../..");

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith(".test.ts")) return [];
    return /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

const files = ["app", "lib", "components"].flatMap((dir) => serverActionFiles(path.join(root, dir)));

describe("server actions", () => {
  it("exist", () => {
    expect(files.map((file) => path.relative(root, file))).toContain("lib/provisioning/actions.ts");
  });

  it.each(files.map((file) => [path.relative(root, file), file]))("%s exports only authorised actions", async (_, file) => {
    const exports = Object.entries(await import(file));
    expect(exports.length).toBeGreaterThan(0);
    for (const [name, value] of exports) {
      expect({ name, authorised: isAuthorisedAction(value) }).toEqual({ name, authorised: true });
    }
  });
});
