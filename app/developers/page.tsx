// The API reference for vendors' developers: public, like any API documentation.
import type { Metadata } from "next";
import Link from "next/link";
import { OpenApiView, type OpenApiDocument } from "@/components/developers/openapi-view";
import { districtOpenApi } from "@/lib/district-api/openapi";
import { oneRosterOpenApi } from "@/lib/oneroster/openapi";
import { partnerOpenApi } from "@/lib/partner-api/openapi";

export const metadata: Metadata = { title: "API reference" };

export default function DevelopersPage() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-8">
      <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
        Rollcall
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">API reference</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">
        The loop: a district activates your application → Rollcall sends your webhook with its <code>districtGUID</code> → your
        system asks the Partner API for that district&apos;s Data API credentials → it gets an access token → it reads the
        district&apos;s rosters over IMS OneRoster 1.1.
      </p>
      <OpenApiView id="partner-api" document={partnerOpenApi() as OpenApiDocument} jsonUrl="/api/openapi/partner" />
      <OpenApiView id="data-api" document={oneRosterOpenApi() as OpenApiDocument} jsonUrl="/api/openapi/oneroster" />
      <OpenApiView id="district-api" document={districtOpenApi() as OpenApiDocument} jsonUrl="/api/openapi/district" />
    </main>
  );
}
