import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonDetailView } from "@/components/people/person-detail-view";
import { Alert } from "@/components/ui/alert";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getPersonDetail } from "@/lib/people/records";

export const metadata: Metadata = { title: "Person" };

type PersonPageProps = {
  params: Promise<{ sourcedId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PersonPage({ params, searchParams }: PersonPageProps) {
  const admin = await requireDistrictAdmin();
  const { sourcedId } = await params;
  const person = await getPersonDetail(admin.districtId, decodedParam(sourcedId));
  if (!person) notFound();
  const merged = [(await searchParams).merged].flat()[0];
  const justMerged = merged !== undefined && person.alsoKnownAs.includes(merged);

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/district/people" className="text-brand-700 underline-offset-2 hover:underline">
          People
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">
        {person.givenName} {person.familyName}
      </h1>
      {justMerged ? (
        <div className="mt-4">
          <Alert tone="success">
            Merged {merged} into this record. Its enrollments now belong here, and applications see {merged} as tobedeleted.
          </Alert>
        </div>
      ) : null}
      <div className="mt-6">
        <PersonDetailView person={person} />
      </div>
    </>
  );
}

/** The segment as the link wrote it (encodeURIComponent), whether or not the router decoded it already. */
function decodedParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
