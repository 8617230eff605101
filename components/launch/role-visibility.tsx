"use client";

// "Visible to" for one activation on My applications: which OneRoster roles see the
// application on their My apps page. Unticking a role hides the application from it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ResultMessage, outcome, type Outcome } from "@/components/gallery/result-message";
import { CONNECTION_FAILED } from "@/components/gallery/use-confirmed-action";
import { Button } from "@/components/ui/button";
import type { RosterRole } from "@/generated/prisma/client";
import { ROSTER_ROLES } from "@/lib/imports/people/account-types-schema";
import { setActivationVisibilityAction } from "@/lib/launch/actions";
import { activationVisibilitySchema } from "@/lib/launch/schema";

const ROLE_LABELS: Record<RosterRole, string> = {
  student: "Students",
  teacher: "Teachers",
  administrator: "Administrators",
  aide: "Aides and staff",
  guardian: "Guardians",
  parent: "Parents",
  proctor: "Proctors",
  relative: "Relatives",
};

type RoleVisibilityProps = { applicationId: string; applicationName: string; hiddenFromRoles: RosterRole[] };

export function RoleVisibility({ applicationId, applicationName, hiddenFromRoles }: RoleVisibilityProps) {
  const id = useId();
  const router = useRouter();
  const [hidden, setHidden] = useState<ReadonlySet<RosterRole>>(() => new Set(hiddenFromRoles));
  const [saved, setSaved] = useState<ReadonlySet<RosterRole>>(() => new Set(hiddenFromRoles));
  const [result, setResult] = useState<Outcome | null>(null);
  const save = useMutation({ mutationFn: setActivationVisibilityAction });
  const changed = hidden.size !== saved.size || [...hidden].some((role) => !saved.has(role));

  const toggle = (role: RosterRole, visible: boolean) => {
    const next = new Set(hidden);
    if (visible) next.delete(role);
    else next.add(role);
    setHidden(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = activationVisibilitySchema.safeParse({ applicationId, hiddenFromRoles: [...hidden] });
    if (!parsed.success) return setResult(outcome("error", "Choose roles from the list, then save again."));
    save.mutate(parsed.data, {
      onSuccess: (answer) => {
        if (!answer.ok) return setResult(outcome("error", answer.formError));
        const now = new Set(answer.data.hiddenFromRoles);
        setSaved(now);
        setHidden(now);
        setResult(outcome("success", visibilitySummary(applicationName, now)));
        router.refresh();
      },
      onError: () => setResult(outcome("error", CONNECTION_FAILED)),
    });
  };

  return (
    <form onSubmit={submit} aria-label={`Who sees ${applicationName} on My apps`} className="space-y-3">
      <fieldset aria-describedby={`${id}-hint`}>
        <legend className="font-medium">Visible to</legend>
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-500">
          Who sees {applicationName} on their My apps page after signing in with your identity provider.
        </p>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {ROSTER_ROLES.map((role) => (
            <label key={role} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={!hidden.has(role)}
                onChange={(event) => toggle(role, event.target.checked)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
      </fieldset>
      {hidden.size === ROSTER_ROLES.length ? (
        <p className="text-sm text-amber-800">With every role unticked, nobody sees {applicationName} on My apps.</p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={save.isPending || !changed}>
          {save.isPending ? "Saving…" : "Save visibility"}
        </Button>
        {changed && !save.isPending ? <span className="text-sm text-slate-500">Unsaved changes</span> : null}
      </div>
      <ResultMessage outcome={result} />
    </form>
  );
}

function visibilitySummary(applicationName: string, hidden: ReadonlySet<RosterRole>): string {
  if (hidden.size === 0) return `Everyone in your district sees ${applicationName} on My apps.`;
  if (hidden.size === ROSTER_ROLES.length) return `Nobody sees ${applicationName} on My apps.`;
  const names = ROSTER_ROLES.filter((role) => hidden.has(role)).map((role) => ROLE_LABELS[role].toLowerCase());
  return `${applicationName} is hidden from ${names.join(", ")} on My apps.`;
}
