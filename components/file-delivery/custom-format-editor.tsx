"use client";

// The custom format's column editor: what each row is, its columns and their order, how the
// file is written, which rows it holds; a live preview below; Save format keeps a version.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import type { SettingsProps } from "@/components/file-delivery/file-delivery-tab";
import { FormatColumns } from "@/components/file-delivery/format-columns";
import { FormatFilterFields, FormatOptionFields } from "@/components/file-delivery/format-options";
import { FormatPreview } from "@/components/file-delivery/format-preview";
import { CONNECTION_FAILED, SectionSave, type SectionOutcome } from "@/components/file-delivery/section-save";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { saveDeliveryFormatAction } from "@/lib/deliveries/actions";
import { APPLICABLE_FILTERS, ENTITY_LABELS } from "@/lib/deliveries/custom-format/catalog";
import { customFormatSchema, defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import type { SavedFormatVersion } from "@/lib/deliveries/settings";
import { FORMAT_ENTITIES, type CustomFormat, type FormatEntity, type FormatFilters } from "@/lib/deliveries/types";

export function CustomFormatEditor({ settings, onSaved }: SettingsProps) {
  const entityId = useId();
  const form = useForm<CustomFormat>({
    resolver: zodResolver(customFormatSchema),
    defaultValues: settings.savedFormat?.definition ?? defaultCustomFormat(),
    mode: "onChange",
  });
  const { register, handleSubmit, setError, reset, setValue, getValues, formState } = form;
  const [outcome, setOutcome] = useState<SectionOutcome | null>(null);

  const save = useMutation({
    mutationFn: saveDeliveryFormatAction,
    onSuccess: (result) => {
      if (!result.ok) {
        for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
          if (path.startsWith("custom.")) setError(path.slice("custom.".length) as FieldPath<CustomFormat>, { message });
        }
        return setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
      }
      const before = settings.savedFormat?.version ?? 0;
      const saved = result.data.savedFormat;
      onSaved(result.data);
      reset(saved?.definition ?? getValues());
      setOutcome(
        saved && saved.version > before
          ? { tone: "success", message: `Format saved as version ${saved.version}. Deliveries from now on use it.` }
          : { tone: "info", message: `Nothing changed since version ${saved?.version ?? before}, so no new version was made.` },
      );
    },
    onError: () => setOutcome({ tone: "error", message: CONNECTION_FAILED }),
  });

  const changeEntity = (entity: FormatEntity) => {
    // Columns and filters of one entity mean nothing for another: start from the entity's usual ones.
    setValue("columns", defaultCustomFormat(entity).columns, { shouldDirty: true, shouldValidate: true });
    const filters = getValues("filters");
    const kept = Object.fromEntries(
      (Object.keys(filters) as (keyof FormatFilters)[]).map((key) => [key, APPLICABLE_FILTERS[entity].includes(key) ? filters[key] : []]),
    ) as FormatFilters;
    setValue("filters", kept, { shouldDirty: true, shouldValidate: true });
  };

  const onSubmit = handleSubmit(
    (custom) => {
      setOutcome(null);
      save.mutate({ applicationId: settings.applicationId, version: settings.version, format: "custom_csv", custom });
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
  );

  return (
    <FormProvider {...form}>
      <form noValidate aria-label="Custom format" onSubmit={onSubmit} className="space-y-6">
        <SavedVersion saved={settings.savedFormat} inUse={settings.format === "custom_csv"} />
        <div>
          <label htmlFor={entityId} className="mb-1 block text-sm font-medium text-slate-800">
            Each row is one of
          </label>
          <select
            id={entityId}
            className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
            {...register("entity", { onChange: (event) => changeEntity(event.target.value as FormatEntity) })}
          >
            {FORMAT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {ENTITY_LABELS[entity]}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">Changing it starts the columns over from that entity&apos;s usual ones.</p>
        </div>
        <FormatColumns />
        <FormatOptionFields />
        <FormatFilterFields />
        <FormatPreview applicationId={settings.applicationId} />
        <SectionSave label="Save format" outcome={outcome} saving={save.isPending} dirty={formState.isDirty || settings.format !== "custom_csv"} />
      </form>
    </FormProvider>
  );
}

function SavedVersion({ saved, inUse }: { saved: SavedFormatVersion | null; inUse: boolean }) {
  if (!saved) return <p className="text-sm text-slate-600">Not saved yet. Build the format, check the preview, then save it as version 1.</p>;
  return (
    <p className="text-sm text-slate-600">
      <span className="font-medium text-slate-900">Version {saved.version}</span>, saved {formatTimestamp(new Date(saved.createdAt))}
      {saved.createdByName ? ` by ${saved.createdByName}` : ""}.{inUse ? "" : " Deliveries use OneRoster CSV until you save this format."}
    </p>
  );
}
