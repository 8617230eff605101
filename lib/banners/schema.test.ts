import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/authorised-action";
import { bannerSchema, contrastProblem, type BannerInput } from "@/lib/banners/schema";

const valid: BannerInput = {
  applicationId: "3f1c2a4e-8d1b-4c5e-9f7a-0b2d4e6f8a1c",
  version: 0,
  headline: "Science that sticks",
  body: "Free for the rest of the school year.\nNo card needed.",
  ctaLabel: "Start a free trial",
  backgroundColor: "#EEF2FF",
  accentColor: "#3730a3",
  imageId: null,
  shown: true,
};

function errorsOf(input: BannerInput) {
  const parsed = bannerSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("bannerSchema", () => {
  it("accepts a banner, trimming text and lower-casing colours", () => {
    const parsed = bannerSchema.parse({ ...valid, headline: "  Science that sticks ", backgroundColor: " #EEF2FF" });
    expect(parsed).toMatchObject({ headline: "Science that sticks", backgroundColor: "#eef2ff", accentColor: "#3730a3" });
  });

  it("requires a headline and a call-to-action label, within their lengths", () => {
    expect(errorsOf({ ...valid, headline: "   ", ctaLabel: "" })).toEqual({
      headline: "Enter a headline",
      ctaLabel: "Enter the label of the call-to-action button",
    });
    expect(errorsOf({ ...valid, headline: "h".repeat(81), body: "b".repeat(281), ctaLabel: "c".repeat(31) })).toEqual({
      headline: "Headline can be at most 80 characters",
      body: "Body can be at most 280 characters",
      ctaLabel: "Call-to-action label can be at most 30 characters",
    });
    expect(errorsOf({ ...valid, headline: "h".repeat(80), body: "b".repeat(280), ctaLabel: "c".repeat(30) })).toEqual({});
  });

  it("keeps the headline on one line and refuses control characters", () => {
    expect(errorsOf({ ...valid, headline: "Two\nlines", body: "bell\u0007" })).toEqual({
      headline: "Headline must fit on one line",
      body: "Body can't contain control characters",
    });
  });

  it("accepts markup as plain text: banners render text, never HTML", () => {
    expect(errorsOf({ ...valid, headline: "<b>Bold</b> & <script>x</script>" })).toEqual({});
  });

  it("wants colours as #rrggbb", () => {
    expect(errorsOf({ ...valid, backgroundColor: "white", accentColor: "#123" })).toEqual({
      backgroundColor: "Enter the background colour as # and six hex digits, for example #1d4ed8",
      accentColor: "Enter the accent colour as # and six hex digits, for example #1d4ed8",
    });
  });

  it("refuses an accent below WCAG AA contrast on the background, saying the ratio", () => {
    expect(errorsOf({ ...valid, backgroundColor: "#ffffff", accentColor: "#ffff00" })).toEqual({
      accentColor: "Accent on background is 1.07:1; WCAG AA needs at least 4.5:1. Pick a darker accent or a lighter background.",
    });
  });
});

describe("contrastProblem", () => {
  it("says which way to move", () => {
    expect(contrastProblem("#1e3a8a", "#1d4ed8")).toMatch(/^Accent on background is 1\.\d\d:1; .* Pick a lighter accent or a darker background\.$/);
    expect(contrastProblem("#ffffff", "#999999")).toMatch(/Pick a darker accent or a lighter background\.$/);
    expect(contrastProblem("#ffffff", "#767676")).toBeNull();
  });
});
