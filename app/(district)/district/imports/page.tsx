import type { Metadata } from "next";
import { ImportHistory } from "@/components/imports/import-history";
import { UploadDropZone } from "@/components/imports/upload-drop-zone";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { importHistory } from "@/lib/imports/queries";

export const metadata: Metadata = { title: "Imports" };

type ImportsPageProps = { searchParams: Promise<{ page?: string }> };

export default async function ImportsPage({ searchParams }: ImportsPageProps) {
  const admin = await requireDistrictAdmin();
  const requested = Number((await searchParams).page ?? 1);
  const history = await importHistory(admin.districtId, Number.isInteger(requested) && requested > 0 ? requested : 1);
  return (
    <div className="space-y-8">
      <section aria-labelledby="upload-heading" className="space-y-3">
        <h2 id="upload-heading" className="text-lg font-semibold">Upload a file</h2>
        <p className="max-w-2xl text-sm text-slate-600">
          A people spreadsheet in the template&apos;s layout (
          <a href="/api/district/imports/template?format=xlsx" className="font-medium text-brand-700 underline-offset-2 hover:underline">Excel template</a>,{" "}
          <a href="/api/district/imports/template?format=csv" className="font-medium text-brand-700 underline-offset-2 hover:underline">CSV template</a>) or your
          SIS&apos;s OneRoster 1.1 CSV zip. Rows match people by netid3, then netid2, netid and email; blank cells change nothing.
        </p>
        <UploadDropZone maxMegabytes={Math.round(getConfig().importMaxBytes / (1024 * 1024))} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <ImportHistory imports={history.imports} page={history.page} pages={history.pages} />
      </section>
    </div>
  );
}
