import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireOperator } from "@/lib/auth/guards";

const NAV = [
  { href: "/operator", label: "Overview" },
  { href: "/operator/vendors", label: "Vendors" },
  { href: "/operator/districts", label: "Districts" },
  { href: "/operator/health", label: "Health" },
  { href: "/operator/audit", label: "Audit log" },
  { href: "/operator/monitoring", label: "Monitoring" },
  { href: "/operator/operators", label: "Operators" },
];

export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  return (
    <>
      <AppHeader organisation="Rollcall operator" userName={operator.name} nav={NAV} />
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </>
  );
}
