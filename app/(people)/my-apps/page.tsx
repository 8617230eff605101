import type { Metadata } from "next";
import { AppTile } from "@/components/launch/app-tile";
import { Alert } from "@/components/ui/alert";
import { requirePerson } from "@/lib/auth/person-session";
import { appsForPerson, type LaunchProblem } from "@/lib/launch/portal";

export const metadata: Metadata = { title: "My apps" };

const PROBLEMS: Record<LaunchProblem, string> = {
  unavailable: "That app is not available to you. Your district may have turned it off or not made it available to you; open one of the apps below, or ask your school's technology office.",
  not_ready: "That app is not ready to open yet: its vendor has not finished setting up sign-in. Try again later.",
};

export default async function MyAppsPage({ searchParams }: { searchParams: Promise<{ problem?: string }> }) {
  const [person, { problem }] = await Promise.all([requirePerson(), searchParams]);
  const tiles = await appsForPerson(person);
  const message = problem && problem in PROBLEMS ? PROBLEMS[problem as LaunchProblem] : null;

  return (
    <>
      <h1 className="text-2xl font-semibold">My apps</h1>
      <p className="mt-1 text-sm text-slate-600">Choose an app to open it; you are signed in to it with your school account.</p>
      {message ? (
        <div className="mt-6">
          <Alert tone="warning">{message}</Alert>
        </div>
      ) : null}
      {tiles.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium text-slate-800">Your district has not turned on any apps for you yet.</p>
          <p className="mt-1 text-sm text-slate-600">When it does, they appear here. Ask your school&apos;s technology office if you expected one.</p>
        </div>
      ) : (
        <ul aria-label="Apps" className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {tiles.map((tile) => (
            <li key={tile.applicationId}>
              <AppTile tile={tile} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
