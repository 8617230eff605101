import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PeopleFilters } from "@/components/people/people-filters";
import { PeopleTable, PeopleTableSkeleton } from "@/components/people/people-table";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { parsePeopleFilter } from "@/lib/people/list";

export const metadata: Metadata = { title: "People" };

type PeoplePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: PeoplePageProps) {
  const admin = await requireDistrictAdmin();
  const filter = parsePeopleFilter(await searchParams);
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">People</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Everyone in your district&apos;s roster, from every way in: your identity provider, OneRoster files, spreadsheets and the upsert API.
            Applications you activate read them through the OneRoster Data API.
          </p>
        </div>
        <Link href="/district/people/duplicates" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Duplicates
        </Link>
      </div>
      <div className="mt-6">
        <PeopleFilters />
      </div>
      <div className="mt-4">
        <Suspense key={JSON.stringify(filter)} fallback={<PeopleTableSkeleton />}>
          <PeopleTable districtId={admin.districtId} filter={filter} />
        </Suspense>
      </div>
    </>
  );
}
