import type { Metadata } from "next";
import { AccountTypesForm } from "@/components/imports/account-types-form";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { accountTypesOf } from "@/lib/imports/people/account-types";

export const metadata: Metadata = { title: "Import settings" };

export default async function ImportSettingsPage() {
  const admin = await requireDistrictAdmin();
  const accountTypes = await accountTypesOf(admin.districtId);
  return (
    <section aria-labelledby="account-types-heading" className="space-y-3">
      <h2 id="account-types-heading" className="text-lg font-semibold">Account types</h2>
      <p className="max-w-2xl text-sm text-slate-600">
        What your spreadsheets and the upsert API write in the <code>account_type</code> column, and the OneRoster role each gives the people
        vendors see. Names match without regard to case.
      </p>
      <AccountTypesForm initial={{ accountTypes }} />
    </section>
  );
}
