import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { FieldHelp } from "@/components/ui/field";

type SsoSelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; hideLabel?: boolean; hint?: ReactNode; error?: string };

/** A labelled select with its hint and error, wired up for screen readers. */
export const SsoSelect = forwardRef<HTMLSelectElement, SsoSelectProps>(function SsoSelect({ label, hideLabel, hint, error, children, ...selectProps }, ref) {
  const id = useId();
  const describedBy = [hint && !error ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <select
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:ring-2 focus:outline-none ${
          error ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
        }`}
        {...selectProps}
      >
        {children}
      </select>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
});
