"use client";

// The tabs of one application's settings. A client component only to read the current path,
// so the tab of the page being shown (or of its sub-pages) is marked as current.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "provisioning", label: "Provisioning" },
  { segment: "banner", label: "Banner" },
  { segment: "sign-in", label: "Sign-in" },
  { segment: "file-delivery", label: "File delivery" },
  { segment: "customers", label: "Customers" },
  { segment: "deliveries", label: "Deliveries" },
] as const;

export function ApplicationTabs({ applicationId }: { applicationId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Application settings" className="mt-4 flex gap-6 border-b border-slate-200">
      {TABS.map((tab) => {
        const href = `/apps/${applicationId}/${tab.segment}`;
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={tab.segment}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px inline-block border-b-2 px-1 pb-2 text-sm font-medium ${
              current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
