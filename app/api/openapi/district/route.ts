import { districtOpenApi } from "@/lib/district-api/openapi";

export function GET() {
  return Response.json(districtOpenApi());
}
