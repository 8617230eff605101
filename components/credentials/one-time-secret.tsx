"use client";

// A secret just created, in clear for this once, with a copy button: Rollcall keeps only its
// hash, so closing this (or reloading the page) is the last the admin sees of it.
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type OneTimeSecretProps = {
  /** The region's name, e.g. "New API key". */
  label: string;
  /** What was created and that it will not be shown again. */
  message: ReactNode;
  secret: string;
  /** The secret's accessible name, e.g. "New API key value". */
  valueLabel: string;
  copyLabel: string;
  onDone: () => void;
};

export function OneTimeSecret({ label, message, secret, valueLabel, copyLabel, onDone }: OneTimeSecretProps) {
  return (
    <section aria-label={label} className="max-w-2xl">
      <Alert tone="success">
        <p className="font-medium">{message}</p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <code className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 ring-1 ring-emerald-200" aria-label={valueLabel}>
            {secret}
          </code>
          <CopyButton text={secret} label={copyLabel} />
          <Button variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
      </Alert>
    </section>
  );
}
