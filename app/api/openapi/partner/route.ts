import { partnerOpenApi } from "@/lib/partner-api/openapi";

export function GET() {
  return Response.json(partnerOpenApi());
}
