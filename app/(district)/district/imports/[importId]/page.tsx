import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportStatus } from "@/components/imports/import-status";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { importDetail } from "@/lib/imports/queries";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ importId: string }> }) {
  const admin = await requireDistrictAdmin();
  const detail = await importDetail(admin.districtId, (await params).importId);
  if (!detail) notFound();
  const { summary } = detail;
  return (
    <div className="space-y-4">
      <Link href="/district/imports" className="text-sm text-brand-700 underline-offset-2 hover:underline">← All imports</Link>
      <h2 className="text-lg font-semibold">{summary.fileName ?? "Upsert API request"}</h2>
      <ImportStatus initial={detail} />
    </div>
  );
}
