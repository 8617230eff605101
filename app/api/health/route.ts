import { checkLiveness } from "@/lib/health/liveness";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and monitoring: no sign-in, no names, no secrets. */
export async function GET(): Promise<Response> {
  const liveness = await checkLiveness();
  return Response.json(liveness, { status: liveness.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
