// The signed-in user of the current request, re-read from the database so that a deleted
// user, a changed role or a suspended organisation takes effect at once rather than when the
// cookie expires.
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import type { Role } from "@/lib/auth/roles";
import { isSuspended, TENANT_SUSPENSION_SELECT } from "@/lib/auth/suspension";
import { db } from "@/lib/db";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  vendorId: string | null;
  districtId: string | null;
};

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      vendorId: true,
      districtId: true,
      ...TENANT_SUSPENSION_SELECT,
    },
  });
  if (!user || isSuspended(user)) return null;
  const { id: userId, email, name, role, vendorId, districtId } = user;
  return { id: userId, email, name, role, vendorId, districtId };
});

