"use client";

// The district's domains: scoped attributes (eppn, affiliation) are accepted only when their
// value's scope (after the @) is one of these.
import { useId, useState, type KeyboardEvent } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { TrashIcon } from "@/components/ui/icons";
import { checkDomain, MAX_SCOPE_DOMAINS, type MappingFormValues } from "@/lib/sso/settings-schema";

export function ScopeDomainsEditor() {
  const { control, setValue, formState } = useFormContext<MappingFormValues>();
  const domains = useWatch({ control, name: "scopeDomains" });
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const errors = formState.errors.scopeDomains;

  const add = () => {
    const check = checkDomain(typed);
    if (!check.ok) return setProblem(check.message);
    if (domains.includes(check.domain)) return setProblem(`${check.domain} is already listed.`);
    if (domains.length >= MAX_SCOPE_DOMAINS) return setProblem(`List at most ${MAX_SCOPE_DOMAINS} domains.`);
    setValue("scopeDomains", [...domains, check.domain], { shouldDirty: true, shouldValidate: formState.isSubmitted });
    setTyped("");
    setProblem(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  };

  return (
    <fieldset aria-describedby={listId}>
      <legend className="text-sm font-medium text-slate-900">Your domains</legend>
      <p className="mt-0.5 text-sm text-slate-500">
        Scoped attributes (eppn, affiliation) carry a domain after the @, e.g. <code>staff@springfield.k12.us</code>. Rollcall accepts a value only when
        its domain is listed here; a subdomain needs its own line.
      </p>
      <ul id={listId} aria-label="Domains" className="mt-3 space-y-1">
        {domains.length === 0 ? <li className="text-sm text-slate-500">No domains yet.</li> : null}
        {domains.map((domain, index) => (
          <li key={domain} className="flex items-center gap-2">
            <code className="rounded bg-slate-100 px-2 py-1 text-sm">{domain}</code>
            <Button
              variant="danger"
              aria-label={`Remove ${domain}`}
              title="Remove"
              onClick={() => setValue("scopeDomains", domains.filter((_, at) => at !== index), { shouldDirty: true, shouldValidate: formState.isSubmitted })}
            >
              <TrashIcon />
            </Button>
            <FieldError message={errors?.[index]?.message} />
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <Field
          label="Add a domain"
          hideLabel
          placeholder="springfield.k12.us"
          autoComplete="off"
          spellCheck={false}
          className="min-w-64"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={onKeyDown}
          error={problem ?? undefined}
        />
        <Button variant="secondary" onClick={add}>
          Add domain
        </Button>
      </div>
      <FieldError message={errors?.message ?? errors?.root?.message} />
    </fieldset>
  );
}
