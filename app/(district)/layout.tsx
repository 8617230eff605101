import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getDistrictName } from "@/lib/districts/queries";

const NAV = [
  { href: "/district", label: "Overview" },
  { href: "/district/gallery", label: "Application Gallery" },
  { href: "/district/applications", label: "My applications" },
  { href: "/district/people", label: "People" },
  { href: "/district/imports", label: "Imports" },
  { href: "/district/identity-sync", label: "Identity sync" },
  { href: "/district/sso", label: "Single sign-on" },
];

export default async function DistrictLayout({ children }: { children: ReactNode }) {
  const admin = await requireDistrictAdmin();
  const districtName = await getDistrictName(admin.districtId);
  return (
    <>
      <AppHeader organisation={districtName} userName={admin.name} nav={NAV} />
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </>
  );
}
