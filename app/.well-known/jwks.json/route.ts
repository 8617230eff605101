// The public keys that verify launch tokens (RFC 7517), for vendors' receivers.
import { launchJwks } from "@/lib/launch/signing-key";

// Read from the database on each request, never at build time.
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await launchJwks(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
