import { describe, expect, it } from "vitest";
import { filterByName, matchesSearch } from "@/lib/gallery/search";

describe("matchesSearch", () => {
  it("finds every word of the query in the name, in any order, ignoring case and accents", () => {
    expect(matchesSearch("Brightpath Writing Coach", "writing")).toBe(true);
    expect(matchesSearch("Brightpath Writing Coach", "  COACH   bright ")).toBe(true);
    expect(matchesSearch("École Numérique", "ecole num")).toBe(true);
    expect(matchesSearch("Brightpath Writing Coach", "writing math")).toBe(false);
  });
});

describe("filterByName", () => {
  const apps = [{ name: "Acme Math Studio" }, { name: "Acme Reading Lab" }, { name: "Brightpath Writing Coach" }];

  it("keeps everything for a blank query", () => {
    expect(filterByName(apps, "   ")).toEqual(apps);
  });

  it("keeps the matches in their order", () => {
    expect(filterByName(apps, "acme")).toEqual([{ name: "Acme Math Studio" }, { name: "Acme Reading Lab" }]);
    expect(filterByName(apps, "lab")).toEqual([{ name: "Acme Reading Lab" }]);
    expect(filterByName(apps, "physics")).toEqual([]);
  });
});
