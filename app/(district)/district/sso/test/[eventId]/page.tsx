import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { TestSignInResult } from "@/components/sso/test-sign-in-result";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getSsoConnection } from "@/lib/sso/connection";
import { findTestSignIn } from "@/lib/sso/events";

export const metadata: Metadata = { title: "Test sign-in result" };

export default async function TestSignInPage({ params }: { params: Promise<{ eventId: string }> }) {
  const admin = await requireDistrictAdmin();
  const { eventId } = await params;
  const [test, settings] = await Promise.all([findTestSignIn(admin.districtId, admin.id, eventId), getSsoConnection(admin.districtId)]);
  if (!test) notFound();

  return (
    <>
      <Link href="/district/sso" className="text-sm font-medium text-brand-700 underline">
        ← Single sign-on
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">Test sign-in result</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Received <LocalDateTime at={test.at.toISOString()} relative="after" />. Change the mapping or rules on the Single sign-on page, then run the
        test again.
      </p>
      <TestSignInResult details={test.details} mapping={settings.attributeMapping} />
    </>
  );
}
