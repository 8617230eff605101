import type { ReactNode } from "react";

type PageSectionProps = {
  id: string;
  title: string;
  /** h2 for a page's own sections, h3 under a tab whose page already has an h2. */
  level?: 2 | 3;
  /** Beside the heading, e.g. filters. */
  aside?: ReactNode;
  children: ReactNode;
};

/** A titled section of a page, named by its heading for screen readers. */
export function PageSection({ id, title, level = 2, aside, children }: PageSectionProps) {
  const Heading = level === 2 ? "h2" : "h3";
  const heading = (
    <Heading id={`${id}-heading`} className="text-lg font-semibold">
      {title}
    </Heading>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className={level === 2 ? "mt-10" : "mt-8"}>
      {aside ? <div className="mb-3 flex flex-wrap items-end justify-between gap-4">{heading}{aside}</div> : <div className="mb-3">{heading}</div>}
      {children}
    </section>
  );
}
