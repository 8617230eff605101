// The set-password form's submission. A route rather than a server action: the person is not
// signed in yet, and the link's secret in the path is what authorises them.
import { NextResponse } from "next/server";
import { GENERIC_ERROR, UserFacingError } from "@/lib/actions/result";
import { acceptInvitation } from "@/lib/invitations/invitations";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const body: unknown = await request.json().catch(() => null);
  const input = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  try {
    const result = await acceptInvitation(token, { name: String(input.name ?? ""), password: String(input.password ?? "") });
    if (!result.ok) return NextResponse.json(result, { status: 410 });
    return NextResponse.json({ ok: true, role: result.role });
  } catch (error) {
    if (error instanceof UserFacingError) return NextResponse.json({ ok: false, formError: error.message, ...error.details }, { status: 422 });
    console.error("Accepting an invitation failed", error);
    return NextResponse.json({ ok: false, formError: GENERIC_ERROR }, { status: 500 });
  }
}
