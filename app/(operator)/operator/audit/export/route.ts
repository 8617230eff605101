// GET /operator/audit/export?tenant=…&actor=…&action=…&from=…&to=…: the filtered audit log as CSV.
import { NextResponse } from "next/server";
import { operatorForApi } from "@/lib/auth/api-guards";
import { auditCsvFileName, auditCsvStream } from "@/lib/audit/csv";
import { parseAuditSearch } from "@/lib/audit/search";

export async function GET(request: Request) {
  const guard = await operatorForApi();
  // The address is no secret, so a signed-in vendor or district admin hears plainly that the log is not theirs to read.
  if (guard.response) return guard.response.status === 401 ? guard.response : NextResponse.json({ error: "Only Rollcall operators can download the audit log." }, { status: 403 });
  const { filter, errors } = parseAuditSearch(new URL(request.url).searchParams);
  if (!filter) {
    return NextResponse.json({ error: `Fix the filters, then download again: ${Object.values(errors).join(" ")}`, fieldErrors: errors }, { status: 400 });
  }
  return new Response(auditCsvStream(filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditCsvFileName()}"`,
      "Cache-Control": "no-store",
    },
  });
}
