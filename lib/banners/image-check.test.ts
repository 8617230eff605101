import { describe, expect, it } from "vitest";
import { checkBannerImage } from "@/lib/banners/image-check";
import { jpegOfSize, solidPng, webpOfSize } from "@/lib/banners/test-images";

describe("checkBannerImage", () => {
  it("accepts PNG, JPEG and WebP by their content, with their size", () => {
    expect(checkBannerImage(solidPng(640, 320))).toEqual({ ok: true, image: { contentType: "image/png", width: 640, height: 320 } });
    expect(checkBannerImage(jpegOfSize(1200, 600))).toEqual({ ok: true, image: { contentType: "image/jpeg", width: 1200, height: 600 } });
    expect(checkBannerImage(webpOfSize(300, 150))).toEqual({ ok: true, image: { contentType: "image/webp", width: 300, height: 150 } });
  });

  it("refuses text, SVG and GIF whatever they claim to be", () => {
    for (const content of [
      "just some text renamed to banner.png",
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;",
      "<html><body>not an image</body></html>",
    ]) {
      const check = checkBannerImage(Buffer.from(content));
      expect(check).toMatchObject({ ok: false, kind: "unsupported" });
      expect(check.ok || check.problem).toMatch(/not a PNG, JPEG or WebP image/);
    }
  });

  it("refuses an empty file", () => {
    expect(checkBannerImage(new Uint8Array(0))).toMatchObject({ ok: false, kind: "empty", problem: expect.stringMatching(/empty/) });
  });

  it("refuses a file over 1 MB", () => {
    const large = Buffer.concat([solidPng(10, 10), Buffer.alloc(1024 * 1024)]);
    expect(checkBannerImage(large)).toMatchObject({ ok: false, kind: "too_large", problem: expect.stringMatching(/larger than 1 MB/) });
  });

  it("refuses an image larger than 4096 pixels on a side, saying its size", () => {
    const check = checkBannerImage(solidPng(5000, 1));
    expect(check).toMatchObject({ ok: false, kind: "too_many_pixels" });
    expect(check.ok || check.problem).toContain("5000 × 1 pixels");
    expect(checkBannerImage(jpegOfSize(100, 60_000))).toMatchObject({ ok: false, kind: "too_many_pixels" });
    expect(checkBannerImage(solidPng(4096, 1))).toMatchObject({ ok: true });
  });

  it("refuses a PNG or WebP that is cut short, and a signature with nothing behind it", () => {
    const png = solidPng(20, 20);
    expect(checkBannerImage(png.subarray(0, png.length - 10))).toMatchObject({ ok: false, kind: "damaged" });
    expect(checkBannerImage(png.subarray(0, 8))).toMatchObject({ ok: false, kind: "damaged" });
    const webp = webpOfSize(20, 20);
    expect(checkBannerImage(webp.subarray(0, webp.length - 2))).toMatchObject({ ok: false, kind: "damaged" });
    expect(checkBannerImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]))).toMatchObject({
      ok: false,
      kind: "damaged",
      problem: expect.stringMatching(/starts like a JPEG image/),
    });
  });
});
