import type { Metadata } from "next";
import { Suspense } from "react";
import { CreateDistrictForm } from "@/components/operator/create-tenant-forms";
import { TenantSearch } from "@/components/operator/tenant-search";
import { DistrictsTable } from "@/components/operator/districts-table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { requireOperator } from "@/lib/auth/guards";
import { parseTenantFilter } from "@/lib/operator/list";

export const metadata: Metadata = { title: "Districts" };

type DistrictsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DistrictsPage({ searchParams }: DistrictsPageProps) {
  await requireOperator();
  const filter = parseTenantFilter(await searchParams);
  return (
    <>
      <h1 className="text-2xl font-semibold">Districts</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">The school districts that activate applications. Create one, then invite its first admin on its page.</p>
      <div className="mt-6">
        <CreateDistrictForm />
      </div>
      <div className="mt-8">
        <TenantSearch label="Search districts" />
      </div>
      <div className="mt-4">
        <Suspense key={JSON.stringify(filter)} fallback={<TableSkeleton label="Loading districts" />}>
          <DistrictsTable filter={filter} />
        </Suspense>
      </div>
    </>
  );
}
