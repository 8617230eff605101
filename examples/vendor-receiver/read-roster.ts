// What a vendor does after `application.activated`: credentials for the district, an access
// token, then every user of its roster, counted by role. A real integration would create or
// update its own accounts where the users are counted here.
import { ProgressBar } from "./progress-bar";
import { accessTokens, fetchCredentials, userPages } from "./rollcall-client";

export type RosterSummary = {
  districtGUID: string;
  districtName: string;
  users: number;
  byRole: Record<string, number>;
  seconds: number;
};

export async function readRoster(credentialsUrl: string, apiKey: string): Promise<RosterSummary> {
  const started = performance.now();
  const credentials = await fetchCredentials(credentialsUrl, apiKey);
  const tokens = accessTokens(credentials);

  const byRole: Record<string, number> = {};
  let users = 0;
  let reportedTotal: number | null = null;
  const progress = new ProgressBar(credentials.districtName);
  try {
    for await (const page of userPages(credentials.oneRosterBaseUrl, tokens)) {
      for (const user of page.users) byRole[user.role] = (byRole[user.role] ?? 0) + 1;
      users += page.users.length;
      reportedTotal = page.totalCount;
      progress.update(users, reportedTotal);
    }
  } finally {
    progress.finish();
  }
  // Offset paging can miss or repeat a row that changes while it runs; say so rather than guess.
  if (reportedTotal !== null && reportedTotal !== users) {
    console.error(`${credentials.districtName}: read ${users} users, but the last page reported ${reportedTotal}; the roster changed while it was read.`);
  }

  return {
    districtGUID: credentials.districtGUID,
    districtName: credentials.districtName,
    users,
    byRole,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
