// File attributes and `ls -l` lines as an SFTP client shows them. Modes say what the account
// may do: inbox/ and its files are writable, archive/ and rejected/ are read-only.
import type { Stats } from "node:fs";
import type { Attributes } from "ssh2";

const DIRECTORY = 0o040000;
const REGULAR_FILE = 0o100000;

export function folderAttributes(info: Stats, writable: boolean): Attributes {
  return timesOf(info, DIRECTORY | (writable ? 0o755 : 0o555), 0);
}

export function fileAttributes(info: Stats, writable: boolean): Attributes {
  return timesOf(info, REGULAR_FILE | (writable ? 0o644 : 0o444), info.size);
}

function timesOf(info: Stats, mode: number, size: number): Attributes {
  return { mode, uid: 0, gid: 0, size, atime: Math.floor(info.atimeMs / 1000), mtime: Math.floor(info.mtimeMs / 1000) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function longName(name: string, attrs: Attributes): string {
  const mode = attrs.mode ?? 0;
  const kind = (mode & DIRECTORY) === DIRECTORY ? "d" : "-";
  const permissions = [0o400, 0o200, 0o100, 0o040, 0o020, 0o010, 0o004, 0o002, 0o001].map((bit, index) => (mode & bit ? "rwx"[index % 3] : "-")).join("");
  const at = new Date((attrs.mtime ?? 0) * 1000);
  const date = `${MONTHS[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2)} ${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  return `${kind}${permissions}    1 rollcall rollcall ${String(attrs.size ?? 0).padStart(10)} ${date} ${name}`;
}
