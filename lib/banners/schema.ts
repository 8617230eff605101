// The Banner tab's form: one schema for the browser (react-hook-form) and for the server
// action, which parses again and is authoritative. No server imports: the form uses it too.
import { z } from "zod";
import { contrastRatio, formatContrastRatio, isHexColour, MIN_CONTRAST_RATIO } from "@/lib/banners/contrast";

export const MAX_HEADLINE_LENGTH = 80;
export const MAX_BODY_LENGTH = 280;
export const MAX_CTA_LABEL_LENGTH = 30;

/** Largest banner image accepted, in bytes (1 MB). */
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** Largest banner image accepted, in pixels on either side. */
export const MAX_IMAGE_SIDE = 4096;
export const ACCEPTED_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const IMAGE_TOO_LARGE = "This image is larger than 1 MB. Choose a smaller image, or export it again as a compressed JPEG or WebP.";

export const DEFAULT_BANNER_COLOURS = { backgroundColor: "#eef2ff", accentColor: "#3730a3" } as const;

/** Where Rollcall serves a stored banner image. */
export function bannerImageUrl(imageId: string): string {
  return `/api/banner-images/${imageId}`;
}

/**
 * Why an accent colour cannot be drawn on a background, with the ratio and which way to
 * move; null when the pair meets WCAG AA.
 */
export function contrastProblem(backgroundColor: string, accentColor: string): string | null {
  const ratio = contrastRatio(backgroundColor, accentColor);
  if (ratio >= MIN_CONTRAST_RATIO) return null;
  // Contrast against black grows with luminance: the lighter colour should get lighter still.
  const accentIsDarker = contrastRatio(accentColor, "#000000") <= contrastRatio(backgroundColor, "#000000");
  const advice = accentIsDarker ? "Pick a darker accent or a lighter background." : "Pick a lighter accent or a darker background.";
  return `Accent on background is ${formatContrastRatio(ratio)}; WCAG AA needs at least ${MIN_CONTRAST_RATIO}:1. ${advice}`;
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n]/;

function singleLine(field: string, max: number, required: string) {
  return z
    .string()
    .trim()
    .min(1, required)
    .max(max, `${field} can be at most ${max} characters`)
    .refine((text) => !LINE_BREAKS.test(text), `${field} must fit on one line`)
    .refine((text) => !CONTROL_CHARACTERS.test(text), `${field} can't contain control characters`);
}

function colour(field: string) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine(isHexColour, `Enter the ${field} as # and six hex digits, for example #1d4ed8`);
}

export const bannerSchema = z
  .object({
    applicationId: z.string().uuid(),
    /** The banner's version the form started from; 0 while no banner is saved. */
    version: z.number().int().min(0),
    headline: singleLine("Headline", MAX_HEADLINE_LENGTH, "Enter a headline"),
    body: z
      .string()
      .trim()
      .max(MAX_BODY_LENGTH, `Body can be at most ${MAX_BODY_LENGTH} characters`)
      .refine((text) => !CONTROL_CHARACTERS.test(text), "Body can't contain control characters"),
    ctaLabel: singleLine("Call-to-action label", MAX_CTA_LABEL_LENGTH, "Enter the label of the call-to-action button"),
    backgroundColor: colour("background colour"),
    accentColor: colour("accent colour"),
    imageId: z.string().uuid().nullable(),
    shown: z.boolean(),
  })
  .superRefine((banner, context) => {
    if (!isHexColour(banner.backgroundColor) || !isHexColour(banner.accentColor)) return;
    const problem = contrastProblem(banner.backgroundColor, banner.accentColor);
    if (problem) context.addIssue({ code: "custom", path: ["accentColor"], message: problem });
  });

export type BannerInput = z.input<typeof bannerSchema>;
export type BannerValues = z.output<typeof bannerSchema>;
