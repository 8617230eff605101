import { redirect } from "next/navigation";

export default async function ApplicationPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  redirect(`/apps/${appId}/provisioning`);
}
