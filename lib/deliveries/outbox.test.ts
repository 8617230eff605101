// Rollcall-hosted delivery: files land in the district's outbox folder through a hidden
// temporary name, complete before they appear under their own name.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ExportedFile } from "@/lib/deliveries/types";

const renames = vi.hoisted(() => [] as { from: string; to: string; contentThen: string | null }[]);
vi.mock("node:fs/promises", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs/promises")>();
  const rename = async (from: string, to: string) => {
    const contentThen = await original.readFile(from, "utf8").catch(() => null);
    renames.push({ from, to, contentThen });
    return original.rename(from, to);
  };
  return { ...original, rename, default: { ...original, rename } };
});

const { outboxFolder, outboxRoot, placeInOutbox } = await import("@/lib/deliveries/outbox");

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "rollcall-outbox-"));
  process.env.ROLLCALL_DATA_DIR = dataDir;
});

function exported(name: string, content: string): ExportedFile {
  const folder = mkdtempSync(path.join(tmpdir(), "rollcall-export-"));
  const filePath = path.join(folder, name);
  writeFileSync(filePath, content);
  return { name, path: filePath, rows: 1, bytes: content.length, sha256: "" };
}

describe("placeInOutbox", () => {
  it("puts each file into /outbox/<districtGuid>/ of the application's account, complete before it has its name", async () => {
    const applicationId = randomUUID();
    const districtGuid = randomUUID();
    renames.length = 0;

    await placeInOutbox(applicationId, districtGuid, [exported("users.csv", "sourcedId\n1\n"), exported("classes.csv", "sourcedId\n9\n")]);

    const folder = outboxFolder(applicationId, districtGuid);
    expect(folder).toBe(path.join(dataDir, "sftp-outbox", applicationId, "outbox", districtGuid));
    expect(path.relative(outboxRoot(applicationId), folder)).toBe(path.join("outbox", districtGuid));
    expect(readdirSync(folder).sort()).toEqual(["classes.csv", "users.csv"]);
    expect(readFileSync(path.join(folder, "users.csv"), "utf8")).toBe("sourcedId\n1\n");
    const intoPlace = renames.filter(({ to }) => path.dirname(to) === folder && !path.basename(to).startsWith("."));
    expect(intoPlace).toEqual([
      { from: path.join(folder, ".users.csv.part"), to: path.join(folder, "users.csv"), contentThen: "sourcedId\n1\n" },
      { from: path.join(folder, ".classes.csv.part"), to: path.join(folder, "classes.csv"), contentThen: "sourcedId\n9\n" },
    ]);
  });

  it("replaces the previous delivery's file of the same name", async () => {
    const applicationId = randomUUID();
    const districtGuid = randomUUID();
    await placeInOutbox(applicationId, districtGuid, [exported("users.csv", "old\n")]);
    await placeInOutbox(applicationId, districtGuid, [exported("users.csv", "new\n")]);

    expect(readdirSync(outboxFolder(applicationId, districtGuid))).toEqual(["users.csv"]);
    expect(readFileSync(path.join(outboxFolder(applicationId, districtGuid), "users.csv"), "utf8")).toBe("new\n");
  });

  it("refuses ids that could point outside the outbox", () => {
    expect(() => outboxFolder(randomUUID(), "../../etc")).toThrow("Not a district GUID");
    expect(() => outboxRoot("..")).toThrow("Not an application id");
  });
});
