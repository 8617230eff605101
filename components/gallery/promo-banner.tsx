// A vendor's promotion banner exactly as districts see it. The gallery, the Banner tab's
// live preview and "Preview in gallery" all render this one component. Every text is
// rendered as text (React escapes it); nothing here accepts HTML.
import type { ReactNode } from "react";
import type { BannerContent } from "@/components/gallery/types";
import { readableTextColour } from "@/lib/banners/contrast";

type PromoBannerProps = {
  banner: BannerContent;
  applicationName: string;
  vendorName: string;
  /**
   * The call-to-action, given the banner's button styles. Without it the button is shown
   * inert (previews), so a preview can never start a trial.
   */
  renderCallToAction?: (button: { className: string; style: React.CSSProperties; label: string }) => ReactNode;
};

export function PromoBanner({ banner, applicationName, vendorName, renderCallToAction }: PromoBannerProps) {
  const textColour = readableTextColour(banner.backgroundColor);
  const button = {
    className: "inline-flex items-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-70",
    style: { backgroundColor: banner.accentColor, color: readableTextColour(banner.accentColor) },
    label: banner.ctaLabel || "Call to action",
  };

  return (
    <section
      aria-label={`Promotion: ${applicationName}`}
      className="flex flex-col gap-5 overflow-hidden rounded-xl p-6 shadow-sm sm:flex-row sm:items-center"
      style={{ backgroundColor: banner.backgroundColor, color: textColour }}
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium tracking-wide uppercase opacity-80">
          {applicationName} · {vendorName}
        </p>
        <h2 className="mt-1 text-xl font-bold break-words" style={{ color: banner.accentColor }}>
          {banner.headline || "Your headline"}
        </h2>
        {banner.body && <p className="mt-2 text-sm break-words whitespace-pre-line">{banner.body}</p>}
        <div className="mt-4">
          {renderCallToAction ? (
            renderCallToAction(button)
          ) : (
            <span role="button" aria-disabled="true" className={button.className} style={button.style}>
              {button.label}
            </span>
          )}
        </div>
      </div>
      {banner.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- user uploads, served by Rollcall with their own size
        <img src={banner.imageUrl} alt="" className="max-h-40 w-full rounded-lg object-cover sm:w-56" />
      )}
    </section>
  );
}
