// Which SSH public keys an SFTP account takes, and what the admin is told about the rest.
import { utils } from "ssh2";
import { describe, expect, it } from "vitest";
import { readPublicKeyLine } from "@/lib/sftp/key-format";
import { parsePublicKey } from "@/lib/sftp/public-keys";

// Made with `ssh-keygen -t ed25519 -C sis@district`; `ssh-keygen -lf` printed the fingerprint.
const KNOWN_ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO0LJNGpc03yh6zTE5eYBlrMv+1QxxFIzEkisEx0iJtv sis@district";
const KNOWN_FINGERPRINT = "SHA256:Ueq6zDHuiMweNXWoDqZ1HmgdulNugSDcvW4VxQSe/DI";
const ECDSA =
  "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBOfKcS2Qtct4NbfVbGNVzKWZJ4fF+R7RDyIQHHjzhDZ+pViRyrxVLwaC66x6Z9drlLngIDkG6EP8GMTtIJ2Qn8w= e@x";

const ed25519 = utils.generateKeyPairSync("ed25519", { comment: "sis@district" });
const rsa2048 = utils.generateKeyPairSync("rsa", { bits: 2048 });
const rsa1024 = utils.generateKeyPairSync("rsa", { bits: 1024 });

describe("parsePublicKey", () => {
  it("accepts an ed25519 key and fingerprints it as ssh-keygen -lf does", () => {
    expect(parsePublicKey(`  ${KNOWN_ED25519}\n`)).toEqual({
      ok: true,
      key: { algorithm: "ssh-ed25519", bits: 256, fingerprint: KNOWN_FINGERPRINT, publicKey: KNOWN_ED25519, comment: "sis@district" },
    });
    expect(parsePublicKey(ed25519.public)).toMatchObject({ ok: true, key: { algorithm: "ssh-ed25519", comment: "sis@district" } });
  });

  it("accepts a 2048-bit ssh-rsa key", () => {
    expect(parsePublicKey(rsa2048.public)).toMatchObject({ ok: true, key: { algorithm: "ssh-rsa", bits: 2048, fingerprint: expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/) } });
  });

  it.each([
    ["a 1024-bit ssh-rsa key", rsa1024.public, "ssh-rsa keys must be at least 2048 bits; this one has 1024"],
    ["a private key", ed25519.private, "This is a private key: paste the public key (the .pub file)"],
    ["an RSA private key in PEM", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow…\n-----END RSA PRIVATE KEY-----", "This is a private key: paste the public key (the .pub file)"],
    ["an ECDSA key", ECDSA, "ECDSA keys are refused"],
    ["a DSA key", "ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq/xfW6MPbLm1Vs14E7 x@y", "DSA keys (ssh-dss) are refused"],
    ["garbage", "hello world", "This is not an OpenSSH public key"],
    ["a key whose base64 was cut short", KNOWN_ED25519.slice(0, 50), "This is not an OpenSSH public key"],
    ["a key whose name and body disagree", KNOWN_ED25519.replace(/^ssh-ed25519/, "ssh-rsa"), "This is not an OpenSSH public key"],
    ["an authorized_keys line with options", `from="10.0.0.1" ${KNOWN_ED25519}`, "This is not an OpenSSH public key"],
    ["two keys at once", `${KNOWN_ED25519}\n${ed25519.public}`, "Paste one key at a time"],
    ["nothing", "   ", "Paste the public key"],
  ])("refuses %s with a message saying why", (_, text, message) => {
    const result = parsePublicKey(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("gives the browser's check the same answer as the server's", () => {
    expect(readPublicKeyLine(rsa1024.public)).toEqual({ ok: false, message: "ssh-rsa keys must be at least 2048 bits; this one has 1024" });
    expect(readPublicKeyLine(KNOWN_ED25519)).toMatchObject({ ok: true, key: { algorithm: "ssh-ed25519" } });
  });
});
