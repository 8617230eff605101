import { describe, expect, it } from "vitest";
import { contrastRatio, formatContrastRatio, isHexColour, MIN_CONTRAST_RATIO, readableTextColour } from "@/lib/banners/contrast";

describe("contrastRatio", () => {
  it("is 21:1 for black on white and 1:1 for a colour on itself, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#3366cc", "#3366CC")).toBe(1);
  });

  it("matches WCAG's published examples", () => {
    // #767676 on white is the classic lightest grey that passes AA.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST_RATIO);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(MIN_CONTRAST_RATIO);
  });
});

describe("formatContrastRatio", () => {
  it("rounds down, so a ratio shown as passing really passes", () => {
    expect(formatContrastRatio(4.499)).toBe("4.49:1");
    expect(formatContrastRatio(4.5)).toBe("4.50:1");
    expect(formatContrastRatio(21)).toBe("21.00:1");
  });
});

describe("isHexColour", () => {
  it("accepts #rrggbb only", () => {
    expect(isHexColour("#1d4ED8")).toBe(true);
    for (const value of ["1d4ed8", "#fff", "#1d4ed8ff", "red", "#1d4eg8", " #1d4ed8"]) expect(isHexColour(value)).toBe(false);
  });
});

describe("readableTextColour", () => {
  it("picks whichever of black and white reads better", () => {
    expect(readableTextColour("#ffffff")).toBe("#000000");
    expect(readableTextColour("#1e3a8a")).toBe("#ffffff");
    expect(readableTextColour("#facc15")).toBe("#000000");
  });
});
