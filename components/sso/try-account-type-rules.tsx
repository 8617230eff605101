"use client";

// Try it: values typed as the identity provider would release them, run through the rules as
// they stand in the form (saved or not), in the browser.
import { useId } from "react";
import { Field } from "@/components/ui/field";
import type { RuleDecision } from "@/lib/sso/account-type-rules";
import type { AccountType } from "@/lib/imports/people/account-types-schema";

type TryItProps = {
  typed: string;
  onType: (typed: string) => void;
  multiValued: boolean;
  decision: RuleDecision | null;
  accountTypes: readonly AccountType[];
};

export function TryAccountTypeRules({ typed, onType, multiValued, decision, accountTypes }: TryItProps) {
  const resultId = useId();
  const role = decision ? accountTypes.find((type) => type.accountType.toLowerCase() === decision.accountType.trim().toLowerCase())?.role : undefined;
  return (
    <section aria-label="Try it" className="rounded-md border border-brand-100 bg-brand-50/40 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Try it</h3>
      <Field
        label="Attribute values"
        className="mt-2 max-w-md"
        placeholder={multiValued ? "employee, student" : "student"}
        autoComplete="off"
        spellCheck={false}
        hint={multiValued ? "Comma-separated, as the identity provider releases them." : "Single-valued: only the first value counts."}
        aria-describedby={resultId}
        value={typed}
        onChange={(event) => onType(event.target.value)}
      />
      <div id={resultId} role="status" className="mt-3 text-sm">
        {typed.trim() === "" ? (
          <p className="text-slate-500">Type values to see which rule fires.</p>
        ) : decision ? (
          <p>
            Rule {decision.ruleIndex + 1} fires ({decision.explanation}): account type <strong>{decision.accountType}</strong>
            {role ? (
              <>
                , OneRoster role <strong>{role}</strong>.
              </>
            ) : (
              <span className="text-red-700">, which is not one of your account types: the person would not be created.</span>
            )}
          </p>
        ) : (
          <p className="text-red-700">No rule matches and there is no DEFAULT: the person would not be created.</p>
        )}
      </div>
    </section>
  );
}
