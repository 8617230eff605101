import type { Metadata } from "next";
import Link from "next/link";
import { DuplicateList, type PairView } from "@/components/people/duplicate-list";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { findDuplicatePairs } from "@/lib/people/duplicates";
import { getPersonRecords } from "@/lib/people/records";
import { PageLink } from "@/components/ui/page-link";

export const metadata: Metadata = { title: "Duplicates" };

type DuplicatesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DuplicatesPage({ searchParams }: DuplicatesPageProps) {
  const admin = await requireDistrictAdmin();
  const requested = Number([(await searchParams).page].flat()[0] ?? 1);
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const found = await findDuplicatePairs(admin.districtId, page);
  const records = await getPersonRecords(
    admin.districtId,
    found.pairs.flatMap((pair) => [pair.firstId, pair.secondId]),
  );
  const pairs = found.pairs.flatMap((pair): PairView[] => {
    const first = records.get(pair.firstId);
    const second = records.get(pair.secondId);
    return first && second ? [{ first, second, evidence: pair.evidence }] : [];
  });
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/district/people" className="text-brand-700 underline-offset-2 hover:underline">
          People
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">Duplicates</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Records that are probably the same person: the same email, the same name and birth date, the same name in the same grade of a school, or an
        identifier (netid, email, username) that two records share. Merge them into one record, or mark them as not a duplicate so they are not
        suggested again.
      </p>
      <div className="mt-6">
        {pairs.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
            {page > 1 ? (
              <p>
                No more pairs on this page.{" "}
                <Link href="/district/people/duplicates" className="font-medium text-brand-700 underline">
                  Back to the first page
                </Link>
              </p>
            ) : (
              <>
                <p className="font-medium text-slate-800">No probable duplicates</p>
                <p className="mt-1">When two records look like the same person, they appear here, side by side, with the reason.</p>
              </>
            )}
          </div>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-600">
              {found.total.toLocaleString("en-US")} {found.total === 1 ? "pair" : "pairs"}, the strongest evidence first.
            </p>
            <DuplicateList pairs={pairs} />
            {pages > 1 ? (
              <nav aria-label="Duplicate pages" className="mt-6 flex items-center justify-between text-sm">
                <PageLink href={page > 1 ? `/district/people/duplicates?page=${page - 1}` : null}>
                  ← Previous
                </PageLink>
                <span className="text-slate-600">
                  Page {page} of {pages}
                </span>
                <PageLink href={page < pages ? `/district/people/duplicates?page=${page + 1}` : null}>
                  Next →
                </PageLink>
              </nav>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}

