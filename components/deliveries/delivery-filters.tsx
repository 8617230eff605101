// The Status, Mode and District filters above the deliveries log: labelled selects whose
// "All" option removes the filter.
import { useId } from "react";
import { districtOptions, MODE_LABELS, STATUS_LABELS, type ListFilter } from "@/components/deliveries/delivery-filter";
import type { DeliveryDistrict } from "@/lib/webhooks/deliveries";

type DeliveryFiltersProps = { filter: ListFilter; districts: DeliveryDistrict[]; onChange: (filter: ListFilter) => void };

export function DeliveryFilters({ filter, districts, onChange }: DeliveryFiltersProps) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <FilterSelect
        label="Status"
        value={filter.status ?? ""}
        options={STATUS_LABELS}
        onChange={(status) => onChange({ ...filter, status: status || undefined })}
      />
      <FilterSelect label="Mode" value={filter.mode ?? ""} options={MODE_LABELS} onChange={(mode) => onChange({ ...filter, mode: mode || undefined })} />
      {districts.length > 0 || filter.district ? (
        <FilterSelect
          label="District"
          value={filter.district ?? ""}
          options={districtOptions(districts, filter.district)}
          onChange={(district) => onChange({ ...filter, district: district || undefined })}
        />
      ) : null}
    </div>
  );
}

type FilterSelectProps<Value extends string> = {
  label: string;
  value: Value | "";
  options: Record<Value, string>;
  onChange: (value: Value | "") => void;
};

function FilterSelect<Value extends string>({ label, value, options, onChange }: FilterSelectProps<Value>) {
  const id = useId();
  const entries = Object.entries(options) as [Value, string][];
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(entries.find(([option]) => option === event.target.value)?.[0] ?? "")}
        className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
      >
        <option value="">All</option>
        {entries.map(([option, optionLabel]) => (
          <option key={option} value={option}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
