// The set-password form's rules, shared by the form and the server.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

/** What the server needs: the confirmation is the form's concern. */
export const newAccountSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200, "Use at most 200 characters"),
});

export const setPasswordSchema = newAccountSchema
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });

export type SetPasswordInput = z.input<typeof setPasswordSchema>;

export const invitationEmailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(254);
