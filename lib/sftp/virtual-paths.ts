// What an SFTP account sees: a root holding inbox/, archive/ and rejected/, nothing else.
// Every path a client sends is resolved here first; one that climbs out of the root or names
// anything but those three folders is refused before the file system is touched.
import { SFTP_FOLDERS, type SftpFolder } from "@/lib/sftp/folders";

export type VirtualPath =
  | { kind: "root"; path: "/" }
  | { kind: "folder"; path: string; folder: SftpFolder }
  | { kind: "file"; path: string; folder: SftpFolder; name: string };

/** The path as the account sees it, or null when it leaves the account's folder. */
export function resolveVirtualPath(requested: string): VirtualPath | null {
  const segments = pathSegments(requested);
  if (!segments) return null;
  const [top, name, ...deeper] = segments;
  if (top === undefined) return { kind: "root", path: "/" };
  const folder = SFTP_FOLDERS.find((candidate) => candidate === top);
  if (!folder || deeper.length > 0) return null;
  if (name === undefined) return { kind: "folder", path: `/${folder}`, folder };
  return { kind: "file", path: `/${folder}/${name}`, folder, name };
}

/**
 * The names a path goes through from the account's root, with "." and ".." applied; null when
 * it climbs above the root or holds a NUL. Relative paths start at the root, the account's home.
 */
export function pathSegments(requested: string): string[] | null {
  if (requested.includes("\0")) return null;
  const stack: string[] = [];
  for (const segment of requested.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (stack.length === 0) return null;
      stack.pop();
      continue;
    }
    stack.push(segment);
  }
  return stack;
}
