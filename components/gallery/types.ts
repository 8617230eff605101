// What the Application Gallery shows. Plain data (dates as ISO strings), so server pages
// can hand it to client components and the vendor's banner preview can build it too.

export type BannerContent = {
  headline: string;
  body: string;
  ctaLabel: string;
  /** #rrggbb */
  backgroundColor: string;
  /** #rrggbb: headline and call-to-action colour. */
  accentColor: string;
  imageUrl: string | null;
};

export type GalleryBanner = BannerContent & { applicationId: string; applicationName: string; vendorName: string };

export type GalleryActivation = {
  status: "active" | "deactivated";
  mode: "trial" | "standard";
  /** ISO 8601 */
  activatedAt: string;
};

export type GalleryCard = {
  id: string;
  name: string;
  vendorName: string;
  description: string;
  /** This district's activation, if it ever activated the application. */
  activation: GalleryActivation | null;
};
