// Checks an email and password against the users table.
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { signInSchema } from "@/lib/auth/sign-in-schema";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role };

export async function verifyCredentials(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db().user.findUnique({ where: { email } });
  if (!(await verifyPassword(password, user?.passwordHash ?? null)) || !user) return null;
  await db().user.update({ where: { id: user.id }, data: { lastSignedInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
