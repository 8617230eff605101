// The instance's launch signing key against a real PostgreSQL: made once, even when several
// requests need it at the same moment, and kept encrypted.
import { calculateJwkThumbprint } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadOrCreateLaunchKey } from "@/lib/launch/signing-key";

describe("the launch signing key", () => {
  beforeEach(async () => {
    await db().instance.updateMany({ data: { launchSigningKey: null, launchKeyId: null } });
  });

  it("is made once when several requests need it at the same moment", async () => {
    const keys = await Promise.all(Array.from({ length: 4 }, () => loadOrCreateLaunchKey()));
    const kids = new Set(keys.map((key) => key.kid));
    expect(kids.size).toBe(1);

    const stored = await db().instance.findUniqueOrThrow({ where: { id: 1 }, select: { launchSigningKey: true, launchKeyId: true } });
    expect(stored.launchKeyId).toBe(keys[0]!.kid);
    expect(await calculateJwkThumbprint(keys[0]!.publicJwk)).toBe(keys[0]!.kid);
    expect((await loadOrCreateLaunchKey()).kid).toBe(keys[0]!.kid);
  });

  it("is stored encrypted, and only its public half is published", async () => {
    const key = await loadOrCreateLaunchKey();
    const stored = await db().instance.findUniqueOrThrow({ where: { id: 1 }, select: { launchSigningKey: true } });
    expect(stored.launchSigningKey).toMatch(/^v1\./);
    expect(stored.launchSigningKey).not.toContain("PRIVATE KEY");
    expect(Object.keys(key.publicJwk).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
  });
});
