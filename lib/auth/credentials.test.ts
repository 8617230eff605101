import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-schema";
import { hashPassword } from "@/lib/auth/password";
import { failuresAfter, isLockedOut, MAX_FAILURES } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";

async function createUser(email: string, password: string) {
  return db().user.create({ data: { email, name: "Kim", passwordHash: await hashPassword(password), role: "VENDOR_ADMIN" } });
}

describe("verifyCredentials", () => {
  it("accepts the right password, whatever the email's case, and refuses the rest", async () => {
    const user = await createUser("kim@vendor.test", "correct horse");
    expect(user.passwordHash).not.toContain("correct horse");

    await expect(verifyCredentials({ email: " KIM@vendor.test ", password: "correct horse" })).resolves.toMatchObject({
      id: user.id,
      role: "VENDOR_ADMIN",
    });
    await expect(verifyCredentials({ email: "kim@vendor.test", password: "wrong" })).resolves.toBeNull();
    await expect(verifyCredentials({ email: "nobody@vendor.test", password: "correct horse" })).resolves.toBeNull();
    await expect(verifyCredentials({ email: "not an email", password: "x" })).resolves.toBeNull();
    await expect(verifyCredentials(undefined)).resolves.toBeNull();
  });

  it("locks an email out after repeated failures, even with the right password, known or not", async () => {
    await createUser("lee@vendor.test", "right");
    for (const email of ["lee@vendor.test", "ghost@vendor.test"]) {
      for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
        await expect(verifyCredentials({ email, password: "guess" })).resolves.toBeNull();
      }
      await expect(verifyCredentials({ email, password: "right" })).rejects.toThrow(TOO_MANY_ATTEMPTS);
    }
  });

  it("clears the count after a successful sign-in", async () => {
    await createUser("max@vendor.test", "right");
    for (let attempt = 0; attempt < MAX_FAILURES - 1; attempt++) {
      await verifyCredentials({ email: "max@vendor.test", password: "guess" });
    }
    await expect(verifyCredentials({ email: "max@vendor.test", password: "right" })).resolves.not.toBeNull();
    await verifyCredentials({ email: "max@vendor.test", password: "guess" });
    await expect(verifyCredentials({ email: "max@vendor.test", password: "right" })).resolves.not.toBeNull();
  });
});

describe("sign-in throttle rules", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("locks for 15 minutes after the fifth failure", () => {
    expect(isLockedOut(null, now)).toBe(false);
    expect(isLockedOut({ failures: 4, lastFailureAt: minutesAgo(1) }, now)).toBe(false);
    expect(isLockedOut({ failures: 5, lastFailureAt: minutesAgo(14) }, now)).toBe(true);
    expect(isLockedOut({ failures: 5, lastFailureAt: minutesAgo(15) }, now)).toBe(false);
  });

  it("forgets failures older than the window", () => {
    expect(failuresAfter(null, now)).toBe(1);
    expect(failuresAfter({ failures: 3, lastFailureAt: minutesAgo(5) }, now)).toBe(4);
    expect(failuresAfter({ failures: 3, lastFailureAt: minutesAgo(20) }, now)).toBe(1);
  });
});
