// The audit log's filters as a GET form, so that the address holds them: a filtered log can be
// bookmarked, shared and downloaded as it is shown. Applying filters starts at the newest event.
import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import type { AuditSearch, AuditTenantOptions } from "@/lib/audit/search";

type AuditFiltersProps = { search: AuditSearch; tenants: AuditTenantOptions; actions: string[] };

export function AuditFilters({ search, tenants, actions }: AuditFiltersProps) {
  const { values, errors } = search;
  const known = new Set(["instance", ...tenants.vendors.map((tenant) => tenant.id), ...tenants.districts.map((tenant) => tenant.id)]);
  return (
    // Remounted when the address changes (e.g. by Clear filters), so the fields show what applies.
    <Form key={JSON.stringify(values)} action="/operator/audit" role="search" aria-label="Filter the audit log" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField id="audit-tenant" name="tenant" label="Tenant" value={values.tenant} error={errors.tenant}>
          <option value="">All tenants</option>
          {tenants.instance || values.tenant === "instance" ? <option value="instance">The instance itself</option> : null}
          {values.tenant && !known.has(values.tenant) ? <option value={values.tenant}>A tenant with no changes ({values.tenant.slice(0, 8)}…)</option> : null}
          <TenantGroup label="Vendors" options={tenants.vendors} />
          <TenantGroup label="Districts" options={tenants.districts} />
        </SelectField>
        <Field
          name="actor"
          type="search"
          label="Actor's email"
          placeholder="e.g. jane@ or @district.org"
          maxLength={200}
          defaultValue={values.actor}
          error={errors.actor}
          hint="Any part of it; case does not matter."
        />
        <SelectField id="audit-action" name="action" label="Action" value={values.action} error={errors.action}>
          <option value="">All actions</option>
          {values.action && !actions.includes(values.action) ? <option value={values.action}>{values.action}</option> : null}
          {actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </SelectField>
        <Field name="from" type="date" label="From (UTC)" defaultValue={values.from} error={errors.from} hint="Whole days in UTC, this day included." />
        <Field name="to" type="date" label="To (UTC)" defaultValue={values.to} error={errors.to} hint="Whole days in UTC, this day included." />
        <div className="flex items-end gap-3 pb-5">
          <Button type="submit">Apply filters</Button>
          <Link href="/operator/audit" className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
            Clear filters
          </Link>
        </div>
      </div>
    </Form>
  );
}

type SelectFieldProps = { id: string; name: string; label: string; value: string; error?: string; children: ReactNode };

function SelectField({ id, name, label, value, error, children }: SelectFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:ring-2 focus:outline-none ${
          error ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
        }`}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function TenantGroup({ label, options }: { label: string; options: AuditTenantOptions["vendors"] }) {
  if (options.length === 0) return null;
  return (
    <optgroup label={label}>
      {options.map((tenant) => (
        <option key={tenant.id} value={tenant.id}>
          {tenant.name}
        </option>
      ))}
    </optgroup>
  );
}
