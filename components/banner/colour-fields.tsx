"use client";

// The banner's two colours, each as a hex field beside the browser's colour picker, and
// their contrast as the admin picks: the ratio, and whether it meets WCAG AA. The contrast
// check is where the form's contrast refusal is shown, so it is not repeated under a field.
import { useId } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { FieldHelp } from "@/components/ui/field";
import { contrastRatio, formatContrastRatio, isHexColour, MIN_CONTRAST_RATIO } from "@/lib/banners/contrast";
import { contrastProblem, type BannerInput } from "@/lib/banners/schema";

export function ColourFields() {
  const { control, formState } = useFormContext<BannerInput>();
  const [backgroundColor, accentColor] = useWatch({ control, name: ["backgroundColor", "accentColor"] });
  const checkId = useId();
  const background = normalised(backgroundColor);
  const accent = normalised(accentColor);
  const problem = background && accent ? contrastProblem(background, accent) : null;
  const accentError = formState.errors.accentColor?.message;

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Colours</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="backgroundColor"
          render={({ field, fieldState }) => (
            <ColourField label="Background colour" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
          )}
        />
        <Controller
          control={control}
          name="accentColor"
          render={({ field }) => (
            <ColourField
              label="Accent colour"
              hint="The headline and the call-to-action button."
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              // The contrast refusal is shown by the check below; format problems here.
              error={accentError && accentError !== problem ? accentError : undefined}
              invalid={Boolean(problem)}
              describedBy={checkId}
            />
          )}
        />
      </div>
      <ContrastCheck id={checkId} background={background} accent={accent} problem={problem} />
    </fieldset>
  );
}

function normalised(value: string): string | null {
  const colour = value.trim().toLowerCase();
  return isHexColour(colour) ? colour : null;
}

type ColourFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
  hint?: string;
  invalid?: boolean;
  describedBy?: string;
};

function ColourField({ label, value, onChange, onBlur, error, hint, invalid, describedBy }: ColourFieldProps) {
  const id = useId();
  const colour = normalised(value);
  const describedByIds = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          // Named apart from the hex field, so that the label names exactly one control.
          aria-label={`${label.replace(/ colour$/, "")} swatch picker`}
          value={colour ?? "#000000"}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          className="h-9 w-11 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
        />
        <input
          id={id}
          type="text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          placeholder="#1d4ed8"
          aria-invalid={error || invalid ? true : undefined}
          aria-describedby={describedByIds}
          className={`block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 ${
            error || invalid ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
          }`}
        />
      </div>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

function ContrastCheck({ id, background, accent, problem }: { id: string; background: string | null; accent: string | null; problem: string | null }) {
  if (!background || !accent) {
    return (
      <p id={id} role="status" className="text-sm text-slate-500">
        Enter both colours as #rrggbb to check their contrast.
      </p>
    );
  }
  const ratio = formatContrastRatio(contrastRatio(background, accent));
  return (
    <div
      id={id}
      role="status"
      aria-label="Contrast check"
      className={`flex items-center gap-3 rounded-md border px-3 py-2 text-sm ${
        problem ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800"
      }`}
    >
      <span
        aria-hidden
        className="inline-flex h-9 w-12 shrink-0 items-center justify-center rounded border border-slate-300 text-base font-bold"
        style={{ backgroundColor: background, color: accent }}
      >
        Aa
      </span>
      <p>
        {problem ? (
          <>
            <strong>Fails WCAG AA.</strong> {problem}
          </>
        ) : (
          <>
            <strong>Passes WCAG AA.</strong> Accent on background is {ratio} (at least {MIN_CONTRAST_RATIO}:1 needed).
          </>
        )}
      </p>
    </div>
  );
}
