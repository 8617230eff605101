// Rollcall-hosted delivery: each application's account on Rollcall's SFTP server sees
// <dataDir>/sftp-outbox/<applicationId>/ as "/", with outbox/<districtGuid>/ per district.
// Files arrive under a hidden temporary name and are renamed into place, so a vendor pulling
// from the outbox never picks up half a file.
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/lib/config";
import type { ExportedFile } from "@/lib/deliveries/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The folder the application's account on Rollcall's SFTP server sees as "/". */
export function outboxRoot(applicationId: string): string {
  if (!UUID.test(applicationId)) throw new Error("Not an application id");
  return path.join(getConfig().dataDir, "sftp-outbox", applicationId.toLowerCase());
}

/** What the vendor sees as /outbox/<districtGuid>/. */
export function outboxFolder(applicationId: string, districtGuid: string): string {
  if (!UUID.test(districtGuid)) throw new Error("Not a district GUID");
  return path.join(outboxRoot(applicationId), "outbox", districtGuid.toLowerCase());
}

/** How the delivery log names the place: the path the vendor sees. */
export function describeOutbox(districtGuid: string): string {
  return `Rollcall outbox /outbox/${districtGuid.toLowerCase()}/`;
}

/** Moves the files into the district's outbox folder, each through a hidden temporary name; a same-named file is replaced. */
export async function placeInOutbox(applicationId: string, districtGuid: string, files: readonly ExportedFile[]): Promise<void> {
  const folder = outboxFolder(applicationId, districtGuid);
  await mkdir(folder, { recursive: true });
  for (const file of files) {
    if (file.name !== path.basename(file.name) || file.name.startsWith(".")) throw new Error(`Not a file name for the outbox: ${file.name}`);
    const temporary = path.join(folder, `.${file.name}.part`);
    try {
      await moveFile(file.path, temporary);
      await rename(temporary, path.join(folder, file.name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

/** A rename where it can be (the export's temporary folder is usually on the same disk), a copy where it cannot. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}
