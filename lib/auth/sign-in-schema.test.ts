import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/sign-in-schema";

describe("safeCallbackPath", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackPath("/apps/123/provisioning?tab=1")).toBe("/apps/123/provisioning?tab=1");
  });

  it.each(["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "", undefined])(
    "sends %j home instead",
    (callbackUrl) => {
      expect(safeCallbackPath(callbackUrl)).toBe("/");
    },
  );
});
