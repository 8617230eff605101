"use client";

// The header's main navigation. The entry whose address is the longest prefix of the
// current path is marked as the current page (so /district/gallery/… marks the gallery,
// not the overview at /district).
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];

  return (
    <nav aria-label="Main" className="-mx-3 flex flex-wrap gap-1">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-slate-100 ${item === current ? "bg-slate-100 text-slate-900" : "text-slate-700"}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
