import { describe, expect, it } from "vitest";
import { linkHeader } from "./paging";

const page = new URL("https://rollcall.example.org/ims/oneroster/v1p1/students?filter=status%3D%27active%27&limit=5000&offset=100&sort=familyName");

function rels(header: string): Record<string, string> {
  return Object.fromEntries(
    header.split(", ").map((part) => {
      const [, url = "", rel = ""] = /^<([^>]+)>; rel="(\w+)"$/.exec(part) ?? [];
      return [rel, url];
    }),
  );
}

describe("linkHeader", () => {
  it("links the first, previous, next and last pages with the request's own query", () => {
    const links = rels(linkHeader(page, { limit: 100, offset: 100, total: 350 }));
    expect(Object.keys(links).sort()).toEqual(["first", "last", "next", "prev"]);
    const next = new URL(links.next!);
    expect(next.pathname).toBe("/ims/oneroster/v1p1/students");
    expect(Object.fromEntries(next.searchParams)).toEqual({ filter: "status='active'", limit: "100", offset: "200", sort: "familyName" });
    expect(new URL(links.prev!).searchParams.get("offset")).toBe("0");
    expect(new URL(links.first!).searchParams.get("offset")).toBe("0");
    expect(new URL(links.last!).searchParams.get("offset")).toBe("300");
  });

  it("has no next on the last page and no prev on the first", () => {
    expect(Object.keys(rels(linkHeader(page, { limit: 100, offset: 300, total: 350 })))).toEqual(["prev", "first", "last"]);
    expect(Object.keys(rels(linkHeader(page, { limit: 100, offset: 0, total: 100 })))).toEqual(["first", "last"]);
    expect(new URL(rels(linkHeader(page, { limit: 100, offset: 0, total: 0 })).last!).searchParams.get("offset")).toBe("0");
  });

  it("points prev at the last page from beyond the end", () => {
    expect(new URL(rels(linkHeader(page, { limit: 10, offset: 500, total: 35 })).prev!).searchParams.get("offset")).toBe("30");
  });
});
