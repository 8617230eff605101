// What a vendor's outbox account sees: a root holding outbox/, which holds one folder per
// district (named by its districtGuid) with the files delivered to it. Every path a client
// sends is resolved here first; one that climbs out of the root, goes deeper than a district's
// files, or names a hidden file (one still being placed) is refused before the file system is touched.
import { HIDDEN_PREFIX } from "@/lib/sftp/folders";
import { pathSegments } from "@/lib/sftp/virtual-paths";

export const OUTBOX_FOLDER = "outbox";

export type OutboxPath =
  | { kind: "root"; path: "/" }
  | { kind: "outbox"; path: "/outbox" }
  | { kind: "district"; path: string; districtGuid: string }
  | { kind: "file"; path: string; districtGuid: string; name: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isDistrictFolderName(name: string): boolean {
  return GUID.test(name);
}

/** The path as the outbox account sees it, or null when it leaves the account's folder. */
export function resolveOutboxPath(requested: string): OutboxPath | null {
  const segments = pathSegments(requested);
  if (!segments) return null;
  const [top, districtGuid, name, ...deeper] = segments;
  if (top === undefined) return { kind: "root", path: "/" };
  if (top !== OUTBOX_FOLDER || deeper.length > 0) return null;
  if (districtGuid === undefined) return { kind: "outbox", path: `/${OUTBOX_FOLDER}` };
  if (!isDistrictFolderName(districtGuid)) return null;
  if (name === undefined) return { kind: "district", path: `/${OUTBOX_FOLDER}/${districtGuid}`, districtGuid };
  if (name.startsWith(HIDDEN_PREFIX)) return null;
  return { kind: "file", path: `/${OUTBOX_FOLDER}/${districtGuid}/${name}`, districtGuid, name };
}
