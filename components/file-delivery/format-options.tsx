"use client";

// How the custom file is written (dates, delimiter, quoting, encoding, line endings, name)
// and which rows it holds (roles, statuses, grades), as the entity allows.
import { useId } from "react";
import { Controller, useFormContext, useWatch, type FieldPath } from "react-hook-form";
import { Field, FieldError } from "@/components/ui/field";
import { APPLICABLE_FILTERS, GRADE_CODES } from "@/lib/deliveries/custom-format/catalog";
import type { CustomFormat } from "@/lib/deliveries/types";
import { ROLE_LABELS, STATUS_LABELS } from "@/components/people/people-labels";

const DATE_FORMAT_LABELS: Record<CustomFormat["dateFormat"], string> = {
  "YYYY-MM-DD": "2026-09-01 (YYYY-MM-DD)",
  "MM/DD/YYYY": "09/01/2026 (MM/DD/YYYY)",
  "DD/MM/YYYY": "01/09/2026 (DD/MM/YYYY)",
  YYYYMMDD: "20260901 (YYYYMMDD)",
};
const DELIMITER_LABELS: Record<CustomFormat["delimiter"], string> = { ",": "Comma (,)", ";": "Semicolon (;)", "\t": "Tab", "|": "Pipe (|)" };
const QUOTING_LABELS: Record<CustomFormat["quoting"], string> = { as_needed: "Only cells that need it", all: "Every cell" };
const ENCODING_LABELS: Record<CustomFormat["encoding"], string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with byte order mark (for Excel)",
  "utf-16le": "UTF-16 LE",
  latin1: "Latin-1 (ISO-8859-1)",
};
const LINE_ENDING_LABELS: Record<CustomFormat["lineEnding"], string> = { lf: "LF (Linux, macOS)", crlf: "CRLF (Windows)" };

export function FormatOptionFields() {
  const { register, formState } = useFormContext<CustomFormat>();
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="mb-2 text-sm font-medium text-slate-800">Writing the file</legend>
      <OptionSelect name="dateFormat" label="Date format" options={DATE_FORMAT_LABELS} />
      <OptionSelect name="delimiter" label="Delimiter" options={DELIMITER_LABELS} />
      <OptionSelect name="quoting" label="Quote" options={QUOTING_LABELS} />
      <OptionSelect name="encoding" label="Encoding" options={ENCODING_LABELS} />
      <OptionSelect name="lineEnding" label="Line ending" options={LINE_ENDING_LABELS} />
      <Field
        label="File name"
        autoComplete="off"
        spellCheck={false}
        hint="{date} becomes the delivery's date, e.g. users-2026-09-01.csv"
        error={formState.errors.fileName?.message}
        {...register("fileName")}
      />
    </fieldset>
  );
}

function OptionSelect({ name, label, options }: { name: FieldPath<CustomFormat>; label: string; options: Record<string, string> }) {
  const id = useId();
  const { register, formState } = useFormContext<CustomFormat>();
  const error = (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        {...register(name)}
      >
        {Object.entries(options).map(([value, optionLabel]) => (
          <option key={value} value={value}>
            {optionLabel}
          </option>
        ))}
      </select>
      <FieldError message={error} />
    </div>
  );
}

export function FormatFilterFields() {
  const { control } = useFormContext<CustomFormat>();
  const entity = useWatch({ control, name: "entity" });
  const applicable = APPLICABLE_FILTERS[entity];
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-slate-800">Rows to include</legend>
      <p className="text-xs text-slate-500">Nothing ticked or typed means no filter (statuses: active records only).</p>
      {applicable.includes("roles") ? <CheckboxGroup name="filters.roles" legend="Roles" options={ROLE_LABELS} /> : null}
      <CheckboxGroup name="filters.statuses" legend="Statuses" options={STATUS_LABELS} />
      {applicable.includes("schoolNames") ? <SchoolNamesField /> : null}
      {applicable.includes("grades") ? <CheckboxGroup name="filters.grades" legend="Grades" options={GRADE_CODES.map((grade) => [grade, grade] as const)} /> : null}
    </fieldset>
  );
}

/** Schools by name, since one format serves every district: "High, Middle" keeps the records of schools whose name contains either. */
function SchoolNamesField() {
  const { control, getFieldState, formState } = useFormContext<CustomFormat>();
  const id = useId();
  const error = getFieldState("filters.schoolNames", formState).error;
  const message = error?.message ?? (Array.isArray(error) ? error.find(Boolean)?.message : undefined);
  return (
    <Controller
      control={control}
      name="filters.schoolNames"
      render={({ field }) => (
        <div>
          <label htmlFor={id} className="text-sm text-slate-700">
            Schools whose name contains
          </label>
          <input
            id={id}
            defaultValue={field.value.join(", ")}
            onChange={(event) => field.onChange(event.target.value.split(",").map((name) => name.trim()).filter(Boolean))}
            onBlur={field.onBlur}
            placeholder="e.g. High, Middle"
            aria-describedby={`${id}-hint`}
            className="mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
            Comma-separated, any case. Names rather than ids, because schools differ from one district to the next.
          </p>
          <FieldError message={message} />
        </div>
      )}
    />
  );
}

function CheckboxGroup({ name, legend, options }: { name: "filters.roles" | "filters.statuses" | "filters.grades"; legend: string; options: Record<string, string> | readonly (readonly [string, string])[] }) {
  const { register, getFieldState, formState } = useFormContext<CustomFormat>();
  const error = getFieldState(name, formState).error?.message;
  return (
    <fieldset>
      <legend className="text-sm text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {(Array.isArray(options) ? options : Object.entries(options)).map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-1.5 text-sm">
            <input type="checkbox" value={value} {...register(name)} />
            {label}
          </label>
        ))}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}
