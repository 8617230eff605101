import { collectMetrics, METRICS_CONTENT_TYPE } from "@/lib/monitoring/metrics";
import { authenticateOperatorToken, OPERATOR_TOKEN_PREFIX } from "@/lib/monitoring/operator-tokens";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** The health figures for Prometheus and the like: an operator token is required, a session cookie is not enough. */
export async function GET(request: Request): Promise<Response> {
  if (!(await authenticateOperatorToken(request))) {
    const challenge = request.headers.has("authorization") ? 'Bearer realm="Rollcall metrics", error="invalid_token"' : 'Bearer realm="Rollcall metrics"';
    return new Response(`Send an operator token (${OPERATOR_TOKEN_PREFIX}…) as "Authorization: Bearer <token>". Operators create one on the Monitoring page.\n`, {
      status: 401,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": challenge },
    });
  }
  try {
    return new Response(await collectMetrics(), { headers: { ...NO_STORE, "Content-Type": METRICS_CONTENT_TYPE } });
  } catch (error) {
    console.error("Could not collect the metrics", error);
    return new Response("The figures could not be read from the database just now. The next scrape will try again.\n", {
      status: 503,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
