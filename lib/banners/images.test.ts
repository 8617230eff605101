// Banner image upload and serving, through the route handlers, against a real PostgreSQL;
// only the session is faked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/banner-images/[imageId]/route";
import { POST } from "@/app/api/vendor/applications/[appId]/banner-images/route";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { saveBannerAction } from "@/lib/banners/actions";
import { loadBanner } from "@/lib/banners/banners";
import { MAX_PENDING_IMAGES } from "@/lib/banners/images";
import { jpegOfSize, pngOfByteLength, solidPng, webpOfSize } from "@/lib/banners/test-images";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

const MB = 1024 * 1024;

function upload(applicationId: string, body: Uint8Array | string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const request = new Request(`http://rollcall.test/api/vendor/applications/${applicationId}/banner-images`, {
    method: "POST",
    body: body instanceof Uint8Array ? Uint8Array.from(body) : body,
    headers: { "content-type": "image/png", ...headers },
    duplex: "half",
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ appId: applicationId }) });
}

function fetchImage(imageId: string) {
  return GET(new Request(`http://rollcall.test/api/banner-images/${imageId}`), { params: Promise.resolve({ imageId }) });
}

async function uploaded(response: Response): Promise<{ id: string; url: string; width: number; height: number }> {
  expect(response.status).toBe(201);
  return response.json();
}

function imageCount(applicationId: string) {
  return db().bannerImage.count({ where: { applicationId } });
}

/** A body that produces `total` bytes on demand and records how many were pulled. */
function countingStream(total: number, chunk = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - counter.pulled);
      counter.pulled += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, counter };
}

describe("banner image upload", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme");
    signInAs(acme.admin);
  });

  it("stores PNG, JPEG and WebP checked by content, whatever the declared type, and answers their size", async () => {
    const png = await uploaded(await upload(acme.application.id, solidPng(64, 32), { "content-type": "application/octet-stream" }));
    expect(png).toEqual({ id: expect.any(String), url: `/api/banner-images/${png.id}`, width: 64, height: 32 });
    const jpeg = await uploaded(await upload(acme.application.id, jpegOfSize(800, 400), { "content-type": "text/plain" }));
    expect(jpeg).toMatchObject({ width: 800, height: 400 });
    const webp = await uploaded(await upload(acme.application.id, webpOfSize(300, 100)));
    expect(webp).toMatchObject({ width: 300, height: 100 });

    const stored = await db().bannerImage.findUniqueOrThrow({ where: { id: png.id } });
    expect(stored).toMatchObject({ applicationId: acme.application.id, contentType: "image/png", width: 64, height: 32 });
    expect(Buffer.from(stored.bytes).equals(solidPng(64, 32))).toBe(true);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers the same stored image when the same file is uploaded again", async () => {
    const first = await uploaded(await upload(acme.application.id, solidPng(10, 10)));
    const again = await uploaded(await upload(acme.application.id, solidPng(10, 10)));
    expect(again.id).toBe(first.id);
    expect(await imageCount(acme.application.id)).toBe(1);
  });

  it("refuses a text file named like an image with 415 and stores nothing", async () => {
    const response = await upload(acme.application.id, "hello, this is not a picture");
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/not a PNG, JPEG or WebP image.*Choose an image/) });
    expect(await imageCount(acme.application.id)).toBe(0);
  });

  it("refuses an empty body, a damaged image and an oversized one with 400", async () => {
    for (const [body, message] of [
      [new Uint8Array(0), /empty/],
      [solidPng(30, 30).subarray(0, 40), /damaged or cut short/],
      [solidPng(4097, 1), /4097 × 1 pixels.*at most 4096/],
    ] as const) {
      const response = await upload(acme.application.id, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await imageCount(acme.application.id)).toBe(0);
  });

  it("refuses by Content-Length over 1 MB before reading the body", async () => {
    const { stream, counter } = countingStream(2 * MB);
    const response = await upload(acme.application.id, stream, { "content-length": String(2 * MB) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/larger than 1 MB/);
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
    expect(await imageCount(acme.application.id)).toBe(0);
  });

  it("counts the bytes when Content-Length is missing, and stops reading just past 1 MB", async () => {
    const { stream, counter } = countingStream(5 * MB);
    const response = await upload(acme.application.id, stream);
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(MB + 3 * 64 * 1024);
    expect(await imageCount(acme.application.id)).toBe(0);
  });

  it("accepts an image of exactly 1 MB and refuses one a byte larger", async () => {
    const exact = await uploaded(await upload(acme.application.id, pngOfByteLength(MB)));
    expect(exact).toMatchObject({ width: 8, height: 8 });
    expect((await upload(acme.application.id, pngOfByteLength(MB + 1))).status).toBe(413);
    expect(await imageCount(acme.application.id)).toBe(1);
  });

  it("limits uploads waiting for a save, and a save clears them", async () => {
    for (let width = 1; width <= MAX_PENDING_IMAGES; width++) await uploaded(await upload(acme.application.id, solidPng(width, 1)));
    const refused = await upload(acme.application.id, solidPng(99, 1));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/Save the banner/);

    const page = await loadBanner(acme.vendor.id, acme.application.id);
    expect((await saveBannerAction({ ...page!.values, headline: "Hello" })).ok).toBe(true);
    expect(await imageCount(acme.application.id)).toBe(0);
    await uploaded(await upload(acme.application.id, solidPng(99, 1)));
  });

  it("answers 404 for another vendor's or an unknown application, 401 signed out, 404 for a district admin", async () => {
    const globex = await createVendorWithApplication("Globex");
    expect((await upload(globex.application.id, solidPng(4, 4))).status).toBe(404);
    expect((await upload("not-a-uuid", solidPng(4, 4))).status).toBe(404);
    expect(await imageCount(globex.application.id)).toBe(0);

    signInAs(null);
    expect((await upload(acme.application.id, solidPng(4, 4))).status).toBe(401);
    signInAs(await createDistrictAdmin());
    expect((await upload(acme.application.id, solidPng(4, 4))).status).toBe(404);
    expect(await imageCount(acme.application.id)).toBe(0);
  });
});

describe("banner image serving", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;
  let image: { id: string };

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme");
    await db().provisioningConfig.update({
      where: { applicationId: acme.application.id },
      data: { autoProvisioning: true, webhookUrl: "https://hooks.example.test/rollcall" },
    });
    signInAs(acme.admin);
    image = await uploaded(await upload(acme.application.id, solidPng(12, 6)));
  });

  async function saveBanner(shown: boolean) {
    const page = await loadBanner(acme.vendor.id, acme.application.id);
    const saved = await saveBannerAction({ ...page!.values, headline: "Hello", imageId: image.id, shown });
    expect(saved.ok).toBe(true);
  }

  it("serves the owning vendor's admins the stored bytes with headers that keep it an image", async () => {
    const response = await fetchImage(image.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      "cache-control": "private, max-age=31536000, immutable",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(solidPng(12, 6))).toBe(true);
  });

  it("serves district admins only while the image's banner is visible in the gallery", async () => {
    const district = await createDistrictAdmin();
    const asDistrict = async () => {
      signInAs(district);
      const status = (await fetchImage(image.id)).status;
      signInAs(acme.admin);
      return status;
    };

    expect(await asDistrict()).toBe(404); // uploaded, no banner uses it
    await saveBanner(false);
    expect(await asDistrict()).toBe(404); // banner hidden
    await saveBanner(true);
    expect(await asDistrict()).toBe(404); // application not published
    await db().application.update({ where: { id: acme.application.id }, data: { publishedAt: new Date() } });
    expect(await asDistrict()).toBe(200);
    await db().provisioningConfig.update({ where: { applicationId: acme.application.id }, data: { autoProvisioning: false } });
    expect(await asDistrict()).toBe(404); // auto-provisioning off: the banner is not shown
  });

  it("serves other vendors' admins an image on show in the gallery, as their Preview in gallery shows it", async () => {
    const globex = await createVendorWithApplication("Globex");
    await saveBanner(true);
    await db().application.update({ where: { id: acme.application.id }, data: { publishedAt: new Date() } });
    signInAs(globex.admin);
    expect((await fetchImage(image.id)).status).toBe(200);
  });

  it("hides another vendor's draft images from vendor admins, and everything from signed-out visitors", async () => {
    const globex = await createVendorWithApplication("Globex");
    signInAs(globex.admin);
    expect((await fetchImage(image.id)).status).toBe(404);
    signInAs(null);
    expect((await fetchImage(image.id)).status).toBe(404);
    signInAs(acme.admin);
    expect((await fetchImage("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await fetchImage("../../etc/passwd")).status).toBe(404);
  });
});
