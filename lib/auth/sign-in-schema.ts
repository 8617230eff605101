import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignInInput = z.input<typeof signInSchema>;

/** The error next-auth hands the sign-in form when an address is throttled. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeCallbackPath(callbackUrl: string | undefined | null): string {
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.startsWith("/\\")) return "/";
  return callbackUrl;
}
