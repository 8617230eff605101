import { districtAdminForApi } from "@/lib/auth/api-guards";
import { accountTypesOf } from "@/lib/imports/people/account-types";
import { templateCsv, templateWorkbook } from "@/lib/imports/template";

export async function GET(request: Request) {
  const guard = await districtAdminForApi();
  if (guard.response) return guard.response;
  if (new URL(request.url).searchParams.get("format") === "xlsx") {
    const workbook = await templateWorkbook(await accountTypesOf(guard.user.districtId));
    return new Response(new Uint8Array(workbook), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="rollcall-people-template.xlsx"',
      },
    });
  }
  return new Response(templateCsv(), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="rollcall-people-template.csv"' } });
}
