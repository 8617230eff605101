import { db } from "@/lib/db";

/** Whether this instance was started with the demo data (the sign-in page then shows the demo logins). */
export async function hasDemoData(): Promise<boolean> {
  const instance = await db().instance.findUnique({ where: { id: 1 }, select: { demoDataLoadedAt: true } });
  return Boolean(instance?.demoDataLoadedAt);
}
