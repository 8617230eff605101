import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, openSecret } from "@/lib/crypto/secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("decrypts what it encrypted, and never stores the plaintext", () => {
    const sealed = encryptSecret("sk_live_abc123", key, "app-1");
    expect(sealed).not.toContain("sk_live_abc123");
    expect(decryptSecret(sealed, key, "app-1")).toBe("sk_live_abc123");
  });

  it("produces a different ciphertext each time", () => {
    expect(encryptSecret("same", key, "app-1")).not.toBe(encryptSecret("same", key, "app-1"));
  });

  it("refuses a ciphertext moved to another context, a wrong key and tampering", () => {
    const sealed = encryptSecret("secret", key, "app-1");
    expect(() => decryptSecret(sealed, key, "app-2")).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32), "app-1")).toThrow();
    const [format, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([format, iv, tag, flipped.toString("base64url")].join("."), key, "app-1")).toThrow();
    expect(() => decryptSecret("plain text", key, "app-1")).toThrow("unknown format");
  });

  it("round-trips unicode and empty values", () => {
    for (const value of ["", "päss wörd ✓", "x".repeat(4096)]) {
      expect(decryptSecret(encryptSecret(value, key, "c"), key, "c")).toBe(value);
    }
  });
});

describe("secret box during a key rotation", () => {
  const previous = randomBytes(32);
  const current = randomBytes(32);
  const keys = { current, previous: [previous] };

  it("encrypts with the current key only", () => {
    const sealed = encryptSecret("secret", keys, "app-1");
    expect(decryptSecret(sealed, current, "app-1")).toBe("secret");
    expect(() => decryptSecret(sealed, previous, "app-1")).toThrow();
  });

  it("still decrypts what a previous key encrypted, and says which kind of key fitted", () => {
    expect(openSecret(encryptSecret("old", previous, "app-1"), keys, "app-1")).toEqual({ plaintext: "old", withCurrentKey: false });
    expect(openSecret(encryptSecret("new", current, "app-1"), keys, "app-1")).toEqual({ plaintext: "new", withCurrentKey: true });
  });

  it("refuses a secret that none of the keys encrypted, naming the variables to check", () => {
    const sealed = encryptSecret("secret", randomBytes(32), "app-1");
    expect(() => decryptSecret(sealed, keys, "app-1")).toThrow("ROLLCALL_PREVIOUS_ENCRYPTION_KEYS");
    expect(() => decryptSecret(encryptSecret("secret", previous, "app-1"), keys, "app-2")).toThrow();
  });
});
