import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignInInput = z.input<typeof signInSchema>;

/** The error next-auth hands the sign-in form when an address is throttled. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** The error next-auth hands the sign-in form when the user's vendor or district is suspended. */
export const TENANT_SUSPENDED = "TenantSuspended";

/** What the sign-in form says for the error next-auth hands it. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (error === TOO_MANY_ATTEMPTS) return "Too many failed sign-ins for this email. Wait 15 minutes, then try again.";
  if (error === TENANT_SUSPENDED) return "Your organisation's Rollcall account is suspended. Contact your Rollcall operator.";
  return "Email or password is incorrect.";
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeCallbackPath(callbackUrl: string | undefined | null): string {
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.startsWith("/\\")) return "/";
  return callbackUrl;
}
