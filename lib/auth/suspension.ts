// A suspended vendor or district keeps its data, but its admins may not sign in and their
// open sessions end at the next request.

type WithTenants = { vendor: { suspendedAt: Date | null } | null; district: { suspendedAt: Date | null } | null };

export const TENANT_SUSPENSION_SELECT = { vendor: { select: { suspendedAt: true } }, district: { select: { suspendedAt: true } } } as const;

export function isSuspended(user: WithTenants): boolean {
  return Boolean(user.vendor?.suspendedAt ?? user.district?.suspendedAt);
}
