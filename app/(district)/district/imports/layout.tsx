import type { ReactNode } from "react";
import { ImportsTabs } from "@/components/imports/imports-tabs";

export default function ImportsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">Imports</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Bring people into your roster from your SIS&apos;s OneRoster CSV export, a spreadsheet, an SFTP drop or the upsert API. Every file is checked
        row by row before anything is written.
      </p>
      <ImportsTabs />
      <div className="mt-6">{children}</div>
    </>
  );
}
