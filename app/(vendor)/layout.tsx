import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { getVendorName } from "@/lib/applications/queries";
import { requireVendorAdmin } from "@/lib/auth/guards";

export default async function VendorLayout({ children }: { children: ReactNode }) {
  const admin = await requireVendorAdmin();
  return (
    <>
      <AppHeader organisation={await getVendorName(admin.vendorId)} userName={admin.name} nav={[{ href: "/apps", label: "Applications" }, { href: "/api-keys", label: "API keys" }]} />
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </>
  );
}
