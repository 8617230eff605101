// Decides from an upload's bytes alone whether it is a banner image Rollcall accepts: PNG,
// JPEG or WebP by content (never by file name or the browser's MIME type), at most 1 MB
// and 4096 px a side. Pure; the upload route stores what passes.
import { imageSize } from "image-size";
import { IMAGE_TOO_LARGE, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from "@/lib/banners/schema";

export type BannerImageType = "image/png" | "image/jpeg" | "image/webp";

export type ImageCheck =
  | { ok: true; image: { contentType: BannerImageType; width: number; height: number } }
  | { ok: false; kind: "empty" | "too_large" | "unsupported" | "damaged" | "too_many_pixels"; problem: string };

const FORMAT_NAMES: Record<BannerImageType, string> = { "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP" };

const EMPTY = "The file is empty. Choose a PNG, JPEG or WebP image.";
const UNSUPPORTED = "This file is not a PNG, JPEG or WebP image, whatever its name says. Choose an image in one of those formats.";

export function checkBannerImage(bytes: Uint8Array): ImageCheck {
  if (bytes.byteLength === 0) return { ok: false, kind: "empty", problem: EMPTY };
  if (bytes.byteLength > MAX_IMAGE_BYTES) return { ok: false, kind: "too_large", problem: IMAGE_TOO_LARGE };

  const format = detectType(bytes);
  if (!format) return { ok: false, kind: "unsupported", problem: UNSUPPORTED };
  const { contentType } = format;
  const damaged = {
    ok: false,
    kind: "damaged",
    problem: `This file starts like a ${FORMAT_NAMES[contentType]} image but could not be read: it may be damaged or cut short. Export it again and upload the new file.`,
  } as const;

  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return damaged;
  }
  const measured = size.type === format.imageSizeType && size.width > 0 && size.height > 0;
  if (!measured || !isComplete(contentType, bytes)) return damaged;
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return {
      ok: false,
      kind: "too_many_pixels",
      problem: `This image is ${size.width} × ${size.height} pixels; banner images can be at most ${MAX_IMAGE_SIDE} pixels on each side. Resize it and upload it again.`,
    };
  }
  return { ok: true, image: { contentType, width: size.width, height: size.height } };
}

const SIGNATURES: { contentType: BannerImageType; imageSizeType: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { contentType: "image/png", imageSizeType: "png", matches: (bytes) => startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: "image/jpeg", imageSizeType: "jpg", matches: (bytes) => startsWith(bytes, 0, [0xff, 0xd8, 0xff]) },
  { contentType: "image/webp", imageSizeType: "webp", matches: (bytes) => startsWith(bytes, 0, [...ascii("RIFF")]) && startsWith(bytes, 8, [...ascii("WEBP")]) },
];

/** The format by its signature (magic bytes); anything else, SVG and GIF included, is refused. */
function detectType(bytes: Uint8Array) {
  return SIGNATURES.find((signature) => signature.matches(bytes)) ?? null;
}

function startsWith(bytes: Uint8Array, offset: number, expected: number[]): boolean {
  return bytes.byteLength >= offset + expected.length && expected.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/** A PNG ends with its IEND chunk and a WebP holds the whole RIFF body it declares; a cut-off upload does neither. */
function isComplete(contentType: BannerImageType, bytes: Uint8Array): boolean {
  if (contentType === "image/png") {
    const iend = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
    return bytes.byteLength >= 20 && iend.every((byte, index) => bytes[bytes.byteLength - 8 + index] === byte);
  }
  if (contentType === "image/webp") {
    const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
    return declared + 8 <= bytes.byteLength;
  }
  return true;
}
