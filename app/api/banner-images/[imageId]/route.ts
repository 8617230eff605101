// Serves a stored banner image to those who may see it (see findViewableBannerImage), as
// the type it was checked to be and never as anything a browser would run.
import { notFoundJson } from "@/lib/auth/api-guards";
import { getSessionUser } from "@/lib/auth/session";
import { findViewableBannerImage } from "@/lib/banners/images";

export async function GET(_request: Request, { params }: { params: Promise<{ imageId: string }> }) {
  const { imageId } = await params;
  const image = await findViewableBannerImage(await getSessionUser(), imageId);
  if (!image) return notFoundJson();
  return new Response(image.bytes, {
    headers: {
      "content-type": image.contentType,
      "content-length": String(image.bytes.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      "cross-origin-resource-policy": "same-origin",
      // An image id always names the same bytes; "private" keeps it out of shared caches.
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
}
