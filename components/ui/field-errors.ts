// A server action's field errors (zod paths such as "headers.0.name") shown on the form's fields.
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

export function showFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string> | undefined): void {
  for (const [path, message] of Object.entries(fieldErrors ?? {})) setError(path as FieldPath<T>, { message });
}
