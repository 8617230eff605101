// Previous / Next under a paged list: a link, or the same label greyed out when there is no such page.
import Link from "next/link";

const STYLE = "rounded-md border px-3.5 py-2 text-sm font-medium";

export function PageLink({ href, children }: { href: string | null; children: string }) {
  if (!href) {
    return (
      <span aria-disabled="true" className={`${STYLE} border-slate-200 text-slate-400`}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={`${STYLE} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
      {children}
    </Link>
  );
}
