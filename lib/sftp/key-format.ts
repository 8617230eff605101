// Reads an OpenSSH public key line ("ssh-ed25519 AAAA… name@host") without Node's crypto, so
// the Add key form can say what is wrong before sending. The server parses the key again
// with ssh2 (public-keys.ts) before storing it.

export const ACCEPTED_ALGORITHMS = ["ssh-ed25519", "ssh-rsa"] as const;
export type KeyAlgorithm = (typeof ACCEPTED_ALGORITHMS)[number];
export const MIN_RSA_BITS = 2048;

export type KeyLine = { algorithm: KeyAlgorithm; blob: Uint8Array; comment: string; bits: number };
export type KeyLineResult = { ok: true; key: KeyLine } | { ok: false; message: string };

export const KEY_MESSAGES = {
  empty: "Paste the public key: one line starting with ssh-ed25519 or ssh-rsa, from the .pub file.",
  privateKey: "This is a private key: paste the public key (the .pub file)",
  malformed: "This is not an OpenSSH public key. Paste the one line of the .pub file, e.g. “ssh-ed25519 AAAAC3Nza… you@laptop”.",
  several: "Paste one key at a time: this text holds more than one line.",
  dsa: "DSA keys (ssh-dss) are refused: they are no longer safe. Make an ed25519 key with `ssh-keygen -t ed25519` and paste its .pub file.",
  ecdsa: "ECDSA keys are refused. Make an ed25519 key with `ssh-keygen -t ed25519`, or use an ssh-rsa key of 2048 bits or more.",
  certificate: "SSH certificates are refused: paste the plain public key (ssh-ed25519 or ssh-rsa).",
  rsaTooShort: (bits: number) => `ssh-rsa keys must be at least ${MIN_RSA_BITS} bits; this one has ${bits}`,
  unsupported: (algorithm: string) => `${algorithm} keys are refused: Rollcall accepts ssh-ed25519, and ssh-rsa of ${MIN_RSA_BITS} bits or more.`,
} as const;

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File/;
const LINE = /^(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+(.*))?$/;

export function readPublicKeyLine(text: string): KeyLineResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: KEY_MESSAGES.empty };
  if (PRIVATE_KEY.test(trimmed)) return { ok: false, message: KEY_MESSAGES.privateKey };
  if (/[\r\n]/.test(trimmed)) return { ok: false, message: KEY_MESSAGES.several };
  const match = LINE.exec(trimmed);
  if (!match) return { ok: false, message: KEY_MESSAGES.malformed };
  const [, algorithm = "", encoded = "", comment = ""] = match;

  const refusal = refuseAlgorithm(algorithm);
  if (refusal) return { ok: false, message: refusal };
  const blob = decodeBase64(encoded);
  if (!blob) return { ok: false, message: KEY_MESSAGES.malformed };

  const fields = readStrings(blob);
  // The blob names its algorithm again; a line whose two names differ was edited or corrupted.
  if (!fields || textOf(fields[0]) !== algorithm) return { ok: false, message: KEY_MESSAGES.malformed };
  if (algorithm === "ssh-ed25519") {
    if (fields.length !== 2 || fields[1]!.length !== 32) return { ok: false, message: KEY_MESSAGES.malformed };
    return { ok: true, key: { algorithm, blob, comment, bits: 256 } };
  }
  // ssh-rsa: string "ssh-rsa", mpint e, mpint n.
  if (fields.length !== 3) return { ok: false, message: KEY_MESSAGES.malformed };
  const bits = mpintBits(fields[2]!);
  if (bits < MIN_RSA_BITS) return { ok: false, message: KEY_MESSAGES.rsaTooShort(bits) };
  return { ok: true, key: { algorithm: "ssh-rsa", blob, comment, bits } };
}

function refuseAlgorithm(algorithm: string): string | null {
  if ((ACCEPTED_ALGORITHMS as readonly string[]).includes(algorithm)) return null;
  if (algorithm.includes("-cert-")) return KEY_MESSAGES.certificate;
  if (algorithm === "ssh-dss") return KEY_MESSAGES.dsa;
  if (algorithm.startsWith("ecdsa-") || algorithm.startsWith("sk-ecdsa-")) return KEY_MESSAGES.ecdsa;
  if (/^(ssh|sk)-[a-z0-9@.-]+$/.test(algorithm)) return KEY_MESSAGES.unsupported(algorithm);
  return KEY_MESSAGES.malformed;
}

function decodeBase64(encoded: string): Uint8Array | null {
  try {
    const binary = atob(encoded);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The SSH wire format's length-prefixed strings, or null when the lengths do not add up. */
function readStrings(blob: Uint8Array): Uint8Array[] | null {
  const fields: Uint8Array[] = [];
  let offset = 0;
  while (offset < blob.length) {
    if (offset + 4 > blob.length) return null;
    const length = ((blob[offset]! << 24) | (blob[offset + 1]! << 16) | (blob[offset + 2]! << 8) | blob[offset + 3]!) >>> 0;
    offset += 4;
    if (offset + length > blob.length) return null;
    fields.push(blob.subarray(offset, offset + length));
    offset += length;
  }
  return fields.length > 0 ? fields : null;
}

function textOf(bytes: Uint8Array | undefined): string {
  return bytes ? String.fromCharCode(...bytes) : "";
}

/** The bit length of a positive mpint (leading zero bytes do not count). */
function mpintBits(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length && bytes[index] === 0) index++;
  if (index === bytes.length) return 0;
  return (bytes.length - index - 1) * 8 + (32 - Math.clz32(bytes[index]!));
}
