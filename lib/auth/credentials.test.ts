import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

describe("verifyCredentials", () => {
  it("accepts the right password, whatever the email's case, and refuses the rest", async () => {
    const user = await db().user.create({
      data: { email: "kim@vendor.test", name: "Kim", passwordHash: await hashPassword("correct horse"), role: "VENDOR_ADMIN" },
    });
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
});
