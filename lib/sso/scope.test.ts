import { describe, expect, it } from "vitest";
import { checkScope } from "@/lib/sso/scope";

const domains = ["springfield.k12.us", "Shelbyville.K12.us"];

describe("checkScope", () => {
  it("accepts a value scoped to one of the district's domains, without regard to case", () => {
    expect(checkScope("staff@springfield.k12.us", domains)).toEqual({ ok: true, unscoped: "staff", scope: "springfield.k12.us" });
    expect(checkScope(" Student@SHELBYVILLE.k12.US ", domains)).toEqual({ ok: true, unscoped: "Student", scope: "shelbyville.k12.us" });
  });
  it("splits at the last @, so an eppn with an @ in its user part keeps it", () => {
    expect(checkScope("j@doe@springfield.k12.us", domains)).toEqual({ ok: true, unscoped: "j@doe", scope: "springfield.k12.us" });
  });
  it("refuses another domain, a subdomain and a domain that merely ends the same", () => {
    expect(checkScope("staff@ogdenville.k12.us", domains)).toEqual({
      ok: false,
      message: "'staff@ogdenville.k12.us' is scoped to ogdenville.k12.us, which is not one of the district's domains (springfield.k12.us, shelbyville.k12.us).",
    });
    expect(checkScope("staff@hs.springfield.k12.us", domains).ok).toBe(false);
    expect(checkScope("staff@notspringfield.k12.us", domains).ok).toBe(false);
    expect(checkScope("staff@k12.us", domains).ok).toBe(false);
  });
  it("accepts a subdomain the district lists", () => {
    expect(checkScope("staff@hs.springfield.k12.us", [...domains, "hs.springfield.k12.us"])).toMatchObject({ ok: true, scope: "hs.springfield.k12.us" });
  });
  it("refuses a value with no scope or nothing before it", () => {
    expect(checkScope("staff", domains)).toEqual({ ok: false, message: "'staff' has no scope: a scoped value looks like staff@springfield.k12.us." });
    expect(checkScope("@springfield.k12.us", domains).ok).toBe(false);
    expect(checkScope("staff@", domains).ok).toBe(false);
  });
  it("refuses everything when the district lists no domains, and says what to do", () => {
    expect(checkScope("staff@springfield.k12.us", [])).toEqual({
      ok: false,
      message: "'staff@springfield.k12.us' is scoped to springfield.k12.us, and the district lists no domains for scoped attributes. Add the district's domains on the Single sign-on page.",
    });
  });
});
