// An SSH public key as the SFTP account stores it: checked by the browser-safe reader, parsed
// again by ssh2 (the library that will verify its signatures), fingerprinted as ssh-keygen does.
import { createHash } from "node:crypto";
import ssh2, { type ParsedKey } from "ssh2";
import { KEY_MESSAGES, readPublicKeyLine, type KeyAlgorithm } from "@/lib/sftp/key-format";

const { utils } = ssh2;

export type PublicKeyInfo = {
  algorithm: KeyAlgorithm;
  bits: number;
  /** SHA256:… as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** The key in OpenSSH's one-line form, with its comment. */
  publicKey: string;
  comment: string;
};

export type PublicKeyResult = { ok: true; key: PublicKeyInfo } | { ok: false; message: string };

export function parsePublicKey(text: string): PublicKeyResult {
  const read = readPublicKeyLine(text);
  if (!read.ok) return read;
  const parsed = utils.parseKey(text.trim());
  if (parsed instanceof Error || Array.isArray(parsed) || parsed.isPrivateKey() || parsed.type !== read.key.algorithm) {
    return { ok: false, message: KEY_MESSAGES.malformed };
  }
  const blob = parsed.getPublicSSH();
  const { algorithm, bits, comment } = read.key;
  return {
    ok: true,
    key: {
      algorithm,
      bits,
      fingerprint: fingerprintOf(blob),
      publicKey: [algorithm, blob.toString("base64"), comment].filter(Boolean).join(" "),
      comment,
    },
  };
}

/** SHA256 of the key's wire form, base64 without padding, as OpenSSH prints fingerprints. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

/** A stored key, parsed for verifying signatures (null if it no longer parses). */
export function verifierOf(publicKey: string): ParsedKey | null {
  const parsed = utils.parseKey(publicKey);
  if (parsed instanceof Error || Array.isArray(parsed)) return null;
  return parsed;
}
