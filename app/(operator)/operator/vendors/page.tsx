import type { Metadata } from "next";
import { Suspense } from "react";
import { CreateVendorForm } from "@/components/operator/create-tenant-forms";
import { TenantSearch } from "@/components/operator/tenant-search";
import { VendorsTable } from "@/components/operator/vendors-table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { requireOperator } from "@/lib/auth/guards";
import { parseTenantFilter } from "@/lib/operator/list";

export const metadata: Metadata = { title: "Vendors" };

type VendorsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VendorsPage({ searchParams }: VendorsPageProps) {
  await requireOperator();
  const filter = parseTenantFilter(await searchParams);
  return (
    <>
      <h1 className="text-2xl font-semibold">Vendors</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">The companies whose applications districts activate. Create one, then invite its first admin on its page.</p>
      <div className="mt-6">
        <CreateVendorForm />
      </div>
      <div className="mt-8">
        <TenantSearch label="Search vendors" />
      </div>
      <div className="mt-4">
        <Suspense key={JSON.stringify(filter)} fallback={<TableSkeleton label="Loading vendors" />}>
          <VendorsTable filter={filter} />
        </Suspense>
      </div>
    </>
  );
}
