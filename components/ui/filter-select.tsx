"use client";

// A select that filters a list: "All" first, then the options by label.
import { useId } from "react";

export type FilterSelectProps = { label: string; value: string; options: Record<string, string>; onChange: (value: string) => void };

export function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={Object.hasOwn(options, value) ? value : ""}
        onChange={(event) => onChange(event.target.value)}
        className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      >
        <option value="">All</option>
        {Object.entries(options).map(([option, optionLabel]) => (
          <option key={option} value={option}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
