import { districtAdminForApi, notFoundJson } from "@/lib/auth/api-guards";
import { errorReportLines } from "@/lib/imports/error-report";
import { importBelongsTo, importIssues } from "@/lib/imports/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const guard = await districtAdminForApi();
  if (guard.response) return guard.response;
  const { importId } = await params;
  const found = await importBelongsTo(guard.user.districtId, importId);
  if (!found) return notFoundJson();
  const encoder = new TextEncoder();
  const batches = importIssues(guard.user.districtId, importId);
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(errorReportLines([], true)));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(errorReportLines(next.value, first)));
      first = false;
    },
  });
  const base = (found.fileName ?? "import").replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "-");
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${base}-errors.csv"`, "Cache-Control": "no-store" },
  });
}
