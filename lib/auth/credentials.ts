// Checks an email and password against the users table, with throttling of guesses.
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { isSuspended, TENANT_SUSPENSION_SELECT } from "@/lib/auth/suspension";
import { signInSchema, TENANT_SUSPENDED, TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-schema";
import { checkSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "@/lib/auth/sign-in-throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role };

export async function verifyCredentials(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!(await checkSignInAllowed(email))) throw new Error(TOO_MANY_ATTEMPTS);

  const user = await db().user.findUnique({ where: { email }, include: TENANT_SUSPENSION_SELECT });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !passwordMatches) {
    await recordFailedSignIn(email);
    return null;
  }
  await clearFailedSignIns(email);
  // Told only after the right password, so that it reveals nothing to a guesser.
  if (isSuspended(user)) throw new Error(TENANT_SUSPENDED);
  await db().user.update({ where: { id: user.id }, data: { lastSignedInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
