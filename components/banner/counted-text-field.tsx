// A labelled text input or textarea with a live character count against its limit, its
// hint and its error, all wired up for screen readers.
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { FieldHelp } from "@/components/ui/field";

type CountedTextFieldProps = {
  label: string;
  /** The current text, for the count. */
  length: number;
  /** Most characters allowed (not a maxLength: a paste that is too long stays visible, with its count). */
  limit: number;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
} & (
  | ({ multiline?: false } & InputHTMLAttributes<HTMLInputElement>)
  | ({ multiline: true } & TextareaHTMLAttributes<HTMLTextAreaElement>)
);

const CONTROL = "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2";

export const CountedTextField = forwardRef<HTMLInputElement & HTMLTextAreaElement, CountedTextFieldProps>(function CountedTextField(
  { label, length, limit, error, hint, required, multiline, className = "", ...controlProps },
  ref,
) {
  const id = useId();
  const over = length > limit;
  const describedBy = [`${id}-count`, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const shared = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
    className: `${CONTROL} ${error ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"}`,
  };

  return (
    <div className={className}>
      <div className="mb-1 flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
          {required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
        </label>
        <span id={`${id}-count`} className={`text-xs tabular-nums ${over ? "font-semibold text-red-700" : "text-slate-500"}`}>
          {length}/{limit}
          <span className="sr-only"> characters{over ? `, ${length - limit} too many` : ""}</span>
        </span>
      </div>
      {multiline ? (
        <textarea ref={ref} rows={4} {...shared} {...(controlProps as TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : (
        <input ref={ref} type="text" {...shared} {...(controlProps as InputHTMLAttributes<HTMLInputElement>)} />
      )}
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
});
