"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/district/imports", label: "Upload" },
  { href: "/district/imports/sftp", label: "SFTP drop" },
  { href: "/district/imports/api", label: "API tokens" },
  { href: "/district/imports/settings", label: "Settings" },
];

export function ImportsTabs() {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === "/district/imports" ? pathname === href || !TABS.some((tab) => tab.href !== href && pathname.startsWith(tab.href)) : pathname.startsWith(href);
  return (
    <nav aria-label="Imports" className="mt-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={isCurrent(tab.href) ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${isCurrent(tab.href) ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
