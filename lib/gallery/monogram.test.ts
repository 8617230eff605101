import { describe, expect, it } from "vitest";
import { contrastRatio, MIN_CONTRAST_RATIO } from "@/lib/banners/contrast";
import { MONOGRAM_COLOURS, monogramColour, monogramInitials } from "@/lib/gallery/monogram";

describe("monogramInitials", () => {
  it("takes the first letters of the first two words", () => {
    expect(monogramInitials("Brightpath Writing Coach")).toBe("BW");
    expect(monogramInitials("acme math-studio")).toBe("AM");
    expect(monogramInitials("Zearn")).toBe("Z");
    expect(monogramInitials("  Édu · Lab ")).toBe("ÉL");
    expect(monogramInitials("3D Geometry")).toBe("3G");
  });

  it("is never empty", () => {
    expect(monogramInitials("")).toBe("?");
    expect(monogramInitials("— ++")).toBe("?");
  });
});

describe("monogramColour", () => {
  it("gives a name the same colour every time, whatever its case or spacing", () => {
    expect(monogramColour("Brightpath Writing Coach")).toBe(monogramColour(" brightpath writing coach "));
    expect(MONOGRAM_COLOURS).toContain(monogramColour("Brightpath Writing Coach"));
  });

  it("spreads names over the palette", () => {
    const names = ["Acme Math Studio", "Acme Reading Lab", "Brightpath Writing Coach", "Zenith Science", "Atlas Maps", "Orbit Coding"];
    expect(new Set(names.map(monogramColour)).size).toBeGreaterThan(2);
  });

  it("uses only colours that white initials read on", () => {
    for (const colour of MONOGRAM_COLOURS) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST_RATIO);
  });
});
