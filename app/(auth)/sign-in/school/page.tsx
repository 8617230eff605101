// Teachers, students and staff find their district and sign in with its identity provider.
import type { Metadata } from "next";
import Link from "next/link";
import { CenteredCard } from "@/components/auth/centered-card";
import { findSignInDistricts } from "@/lib/sso/district";

export const metadata: Metadata = { title: "Sign in with your school account" };

export default async function SchoolSignInPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  const search = q.trim();
  const districts = await findSignInDistricts(search);

  return (
    <CenteredCard
      title="Sign in with your school account"
      footer={
        <>
          Run a district or a vendor account? <Link href="/sign-in" className="font-medium text-brand-700 underline">Sign in with email and password</Link>
        </>
      }
    >
      <form role="search" className="space-y-2">
        <label htmlFor="district-search" className="block text-sm font-medium">
          Your school district
        </label>
        <div className="flex gap-2">
          <input
            id="district-search"
            name="q"
            defaultValue={search}
            minLength={2}
            required
            placeholder="e.g. Springfield"
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Find
          </button>
        </div>
        <p className="text-xs text-slate-500">Type at least two letters of your district&apos;s name. Your school may also have given you a sign-in link.</p>
      </form>
      {search.length >= 2 ? (
        districts.length > 0 ? (
          <ul className="mt-4 divide-y divide-slate-100" aria-label="Districts">
            {districts.map((district) => (
              <li key={district.districtGuid}>
                <a href={`/sso/${district.districtGuid}`} className="flex items-center justify-between py-2 text-sm hover:text-brand-700">
                  <span className="font-medium">{district.name}</span>
                  <span className="text-slate-500">{district.state} · Sign in →</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-sm text-slate-600">
            No district called &ldquo;{search}&rdquo; has school sign-in turned on. Check the spelling, or ask your school for its sign-in link.
          </p>
        )
      ) : null}
    </CenteredCard>
  );
}
