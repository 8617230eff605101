"use client";

// The custom format's columns, in file order: add one from the entity's fields, rename its
// header, move it with the Up and Down buttons, remove it.
import { useId, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { catalogField, FIELD_CATALOG } from "@/lib/deliveries/custom-format/catalog";
import type { CustomFormat } from "@/lib/deliveries/types";

export function FormatColumns() {
  const { control, register, formState } = useFormContext<CustomFormat>();
  const { fields, append, move, remove } = useFieldArray({ control, name: "columns" });
  const entity = useWatch({ control, name: "entity" });
  const columns = useWatch({ control, name: "columns" }) ?? [];
  const [moved, setMoved] = useState("");

  const shift = (from: number, to: number) => {
    move(from, to);
    setMoved(`${columns[from]?.header || "Column"} moved to position ${to + 1} of ${fields.length}.`);
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Columns, in file order</legend>
      {fields.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">No columns yet: add the first one below.</p>
      ) : (
        <ol aria-label="Columns" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {fields.map((item, index) => {
            const field = columns[index]?.field ?? item.field;
            const header = columns[index]?.header ?? item.header;
            const label = catalogField(entity, field)?.label ?? field;
            const headerError = formState.errors.columns?.[index]?.header?.message ?? formState.errors.columns?.[index]?.field?.message;
            return (
              <li key={item.id} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <span className="w-6 text-right text-xs text-slate-500">{index + 1}</span>
                <span className="w-56 text-sm">
                  {label}
                  <code className="block text-xs text-slate-500">{field}</code>
                </span>
                <div className="min-w-48 flex-1">
                  <label className="sr-only" htmlFor={`column-header-${item.id}`}>
                    Header of column {index + 1} ({label})
                  </label>
                  <input
                    id={`column-header-${item.id}`}
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={headerError ? true : undefined}
                    className={`block w-full rounded-md border bg-white px-2 py-1 font-mono text-sm shadow-sm focus:ring-2 focus:outline-none ${
                      headerError ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
                    }`}
                    {...register(`columns.${index}.header`)}
                  />
                  <FieldError message={headerError} />
                </div>
                <span className="flex gap-1">
                  <Button variant="ghost" aria-label={`Move ${header} up`} disabled={index === 0} onClick={() => shift(index, index - 1)}>
                    ↑
                  </Button>
                  <Button variant="ghost" aria-label={`Move ${header} down`} disabled={index === fields.length - 1} onClick={() => shift(index, index + 1)}>
                    ↓
                  </Button>
                  <Button variant="danger" aria-label={`Remove ${header}`} onClick={() => remove(index)}>
                    Remove
                  </Button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p role="status" className="sr-only">
        {moved}
      </p>
      <FieldError message={formState.errors.columns?.root?.message ?? formState.errors.columns?.message} />
      <AddColumn
        entity={entity}
        used={columns.map((column) => column.field)}
        onAdd={(field) => append({ field, header: field }, { shouldFocus: true })}
      />
    </fieldset>
  );
}

function AddColumn({ entity, used, onAdd }: { entity: CustomFormat["entity"]; used: string[]; onAdd: (field: string) => void }) {
  const id = useId();
  const [choice, setChoice] = useState("");
  const available = FIELD_CATALOG[entity].filter((field) => !used.includes(field.field));
  const groups = [
    { label: "Fields", fields: available.filter((field) => !field.related) },
    { label: "Related fields", fields: available.filter((field) => field.related) },
  ];
  const selected = available.some((field) => field.field === choice) ? choice : "";

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
          Field to add
        </label>
        <select
          id={id}
          value={selected}
          onChange={(event) => setChoice(event.target.value)}
          className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        >
          <option value="">{available.length === 0 ? "Every field is in the file" : "Choose a field…"}</option>
          {groups.map((group) =>
            group.fields.length > 0 ? (
              <optgroup key={group.label} label={group.label}>
                {group.fields.map((field) => (
                  <option key={field.field} value={field.field}>
                    {field.label} ({field.field})
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </div>
      <Button
        variant="secondary"
        disabled={!selected}
        onClick={() => {
          onAdd(selected);
          setChoice("");
        }}
      >
        Add column
      </Button>
    </div>
  );
}
