"use client";

// The Format card: OneRoster 1.1 CSV (bulk or changes only) or a custom format built in the
// column editor. Each saves on its own; a custom format is saved as a new version.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CustomFormatEditor } from "@/components/file-delivery/custom-format-editor";
import { TabCard, type SettingsProps } from "@/components/file-delivery/file-delivery-tab";
import { CONNECTION_FAILED, SectionSave, type SectionOutcome } from "@/components/file-delivery/section-save";
import { saveDeliveryFormatAction } from "@/lib/deliveries/actions";

type Kind = "oneroster_csv" | "custom_csv";

export function FormatSection({ settings, onSaved }: SettingsProps) {
  const [kind, setKind] = useState<Kind>(settings.format);
  return (
    <TabCard id="format" title="Format" description="What each district's files hold.">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">File format</legend>
        <div className="mt-2 space-y-2">
          <KindChoice value="oneroster_csv" current={kind} onChange={setKind} label="OneRoster 1.1 CSV" hint="A zip with manifest.csv and one CSV file per OneRoster table." />
          <KindChoice value="custom_csv" current={kind} onChange={setKind} label="Custom format" hint="One CSV file with the columns you choose, in your order, with your headers." />
        </div>
      </fieldset>
      {kind === "oneroster_csv" ? <OneRosterForm settings={settings} onSaved={onSaved} /> : <CustomFormatEditor settings={settings} onSaved={onSaved} />}
    </TabCard>
  );
}

function KindChoice({ value, current, onChange, label, hint }: { value: Kind; current: Kind; onChange: (kind: Kind) => void; label: string; hint: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name="delivery-format" className="mt-1" value={value} checked={current === value} onChange={() => onChange(value)} />
      <span>
        <span className="font-medium text-slate-900">{label}</span>
        <span className="block text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

function OneRosterForm({ settings, onSaved }: SettingsProps) {
  const [delta, setDelta] = useState(settings.oneRosterDelta);
  const [outcome, setOutcome] = useState<SectionOutcome | null>(null);
  const save = useMutation({
    mutationFn: saveDeliveryFormatAction,
    onSuccess: (result) => {
      if (!result.ok) return setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
      onSaved(result.data);
      setOutcome({ tone: "success", message: `Format saved: OneRoster 1.1 CSV, ${result.data.oneRosterDelta ? "changes only" : "every record"}.` });
    },
    onError: () => setOutcome({ tone: "error", message: CONNECTION_FAILED }),
  });
  const dirty = settings.format !== "oneroster_csv" || delta !== settings.oneRosterDelta;

  return (
    <form
      noValidate
      aria-label="OneRoster CSV options"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setOutcome(null);
        save.mutate({ applicationId: settings.applicationId, version: settings.version, format: "oneroster_csv", oneRosterDelta: delta });
      }}
    >
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={delta} onChange={(event) => setDelta(event.target.checked)} />
        <span>
          <span className="font-medium text-slate-900">Only changes since the last successful delivery</span>
          <span className="block text-slate-500">
            A delta file per district (manifest <code>file.*</code> = <code>delta</code>). Changes are counted from each district&apos;s last successful delivery; its first delivery holds every record.
          </span>
        </span>
      </label>
      <SectionSave label="Save format" outcome={outcome} saving={save.isPending} dirty={dirty} />
    </form>
  );
}
