import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

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
