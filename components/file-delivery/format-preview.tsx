"use client";

// The live preview: the first rows of the sandbox district's roster in the format as it is in
// the editor, fetched a moment after the last change, with the file's exact text below.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { fileDeliveryKeys, unwrap } from "@/components/file-delivery/file-delivery-queries";
import { Alert } from "@/components/ui/alert";
import { previewCustomFormatAction } from "@/lib/deliveries/actions";
import { customFormatSchema } from "@/lib/deliveries/custom-format/schema";
import type { CustomFormat } from "@/lib/deliveries/types";

const DEBOUNCE_MS = 400;

export function FormatPreview({ applicationId }: { applicationId: string }) {
  const { control } = useFormContext<CustomFormat>();
  const values = useWatch({ control }) as CustomFormat;
  const valuesJson = JSON.stringify(values);
  const [settledJson, setSettledJson] = useState(valuesJson);

  useEffect(() => {
    const timer = setTimeout(() => setSettledJson(valuesJson), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [valuesJson]);

  const parsed = customFormatSchema.safeParse(JSON.parse(settledJson));
  const preview = useQuery({
    queryKey: fileDeliveryKeys.preview(applicationId, settledJson),
    queryFn: () => unwrap(previewCustomFormatAction({ applicationId, custom: parsed.data as CustomFormat })),
    enabled: parsed.success,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  const data = preview.data;

  return (
    <section aria-labelledby="format-preview-heading" aria-busy={preview.isFetching} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="format-preview-heading" className="text-sm font-semibold text-slate-900">
          Preview
        </h3>
        <p className="text-xs text-slate-500">
          {preview.isFetching ? "Updating…" : data ? previewSize(data.rows.length, data.totalRows) : "From the sandbox district's roster"}
        </p>
      </div>
      {!parsed.success ? (
        <Alert tone="info">Fix the highlighted fields to see the preview.</Alert>
      ) : preview.isError ? (
        <Alert tone="error">The preview could not be made: {preview.error.message} Your format is not affected; change it or try again in a moment.</Alert>
      ) : !data ? (
        <div role="status" aria-label="Loading the preview" className="h-40 animate-pulse rounded-md bg-slate-100" />
      ) : (
        <>
          <div className={`max-h-96 overflow-auto rounded-md border border-slate-200 ${preview.isPlaceholderData ? "opacity-60" : ""}`}>
            <table aria-label="Preview of the file" className="min-w-full text-left font-mono text-xs">
              <thead className="sticky top-0 bg-slate-50 text-slate-700">
                <tr>
                  {data.header.map((header, index) => (
                    <th key={index} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.length === 0 ? (
                  <tr>
                    <td colSpan={data.header.length} className="px-3 py-6 text-center font-sans text-sm text-slate-600">
                      No rows of the sandbox district match these filters.
                    </td>
                  </tr>
                ) : (
                  data.rows.map((row, rowIndex) => (
                    <tr key={rowIndex} className="border-t border-slate-100">
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex} className="px-3 py-1 whitespace-nowrap">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <details className="rounded-md border border-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">As text</summary>
            <pre className="max-h-80 overflow-auto border-t border-slate-100 bg-slate-50 p-3 text-xs whitespace-pre">{data.text}</pre>
          </details>
        </>
      )}
    </section>
  );
}

function previewSize(shown: number, total: number | null): string {
  if (total === null) return `First ${shown} rows from the sandbox district`;
  return `First ${Math.min(shown, total)} of ${total.toLocaleString("en-US")} rows from the sandbox district`;
}
