import { oneRosterOpenApi } from "@/lib/oneroster/openapi";

export function GET() {
  return Response.json(oneRosterOpenApi());
}
