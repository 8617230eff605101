// Where a person lands when their school sign-in could not finish. It says what to do; the
// details (which check failed, which attribute was missing) are in the district's sign-in log.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CenteredCard } from "@/components/auth/centered-card";
import { findSsoDistrict, type SignInProblem } from "@/lib/sso/district";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<SignInProblem, { title: string; body: string }> = {
  not_provisioned: {
    title: "Your district has not provisioned your account",
    body: "You signed in with your school account, but your district has not given you a Rollcall account yet. Ask your school's technology office to add you; then sign in again.",
  },
  refused: {
    title: "Sign-in could not be completed",
    body: "Your identity provider's answer could not be accepted. Try signing in again; if it keeps happening, tell your school's technology office and give them the reference below.",
  },
  off: {
    title: "School sign-in is not turned on yet",
    body: "Your district has not turned on signing in with its identity provider. Ask your school's technology office when it will be available.",
  },
  not_configured: {
    title: "School sign-in is not set up",
    body: "Your district has not connected its identity provider to Rollcall yet.",
  },
};

export default async function SignInProblemPage({
  params,
  searchParams,
}: {
  params: Promise<{ districtGuid: string }>;
  searchParams: Promise<{ problem?: string; ref?: string }>;
}) {
  const [{ districtGuid }, { problem, ref }] = await Promise.all([params, searchParams]);
  const district = await findSsoDistrict(districtGuid);
  if (!district) notFound();
  const message = MESSAGES[(problem ?? "") as SignInProblem] ?? MESSAGES.refused;
  const reference = ref && /^[0-9a-f]{8}$/i.test(ref) ? ref : null;

  return (
    <CenteredCard title={message.title} footer={<Link href="/sign-in/school" className="font-medium text-brand-700 underline">Back to school sign-in</Link>}>
      <p className="text-sm text-slate-700">{message.body}</p>
      <p className="mt-3 text-sm text-slate-500">District: {district.name}</p>
      {reference ? (
        <p className="mt-1 text-sm text-slate-500">
          Reference: <code className="text-slate-900">{reference}</code>
        </p>
      ) : null}
      {problem === "refused" ? (
        <a href={`/sso/${district.districtGuid}`} className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Try again
        </a>
      ) : null}
    </CenteredCard>
  );
}
