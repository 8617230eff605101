import { districtAdminForApi } from "@/lib/auth/api-guards";
import { handleUpload } from "@/lib/imports/upload-request";

export async function POST(request: Request) {
  const guard = await districtAdminForApi();
  if (guard.response) return guard.response;
  return handleUpload(request, guard.user);
}
