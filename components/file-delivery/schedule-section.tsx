"use client";

// The Schedule card: daily at a time in a time zone, or every N hours; and Deliver now, which
// queues a run for every district with an active activation at once.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { fileDeliveryKeys } from "@/components/file-delivery/file-delivery-queries";
import { TabCard, type SettingsProps } from "@/components/file-delivery/file-delivery-tab";
import { CONNECTION_FAILED, SectionSave, type SectionOutcome } from "@/components/file-delivery/section-save";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { deliverNowAction, saveDeliveryScheduleAction } from "@/lib/deliveries/actions";
import { deliveryScheduleSchema, type DeliveryScheduleInput } from "@/lib/deliveries/settings-schema";
import { showFieldErrors } from "@/components/ui/field-errors";

export function ScheduleSection({ settings, onSaved, timeZones }: SettingsProps & { timeZones: string[] }) {
  const zoneId = useId();
  const { applicationId } = settings;
  const { register, handleSubmit, setError, reset, control, formState } = useForm<DeliveryScheduleInput>({
    resolver: zodResolver(deliveryScheduleSchema),
    defaultValues: { applicationId, version: settings.version, schedule: settings.schedule, dailyAt: settings.dailyAt, timeZone: settings.timeZone, everyHours: settings.everyHours },
  });
  const schedule = useWatch({ control, name: "schedule" });
  const [outcome, setOutcome] = useState<SectionOutcome | null>(null);

  const save = useMutation({
    mutationFn: saveDeliveryScheduleAction,
    onSuccess: (result) => {
      if (!result.ok) {
        showFieldErrors(setError, result.fieldErrors);
        return setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
      }
      const saved = result.data;
      onSaved(saved);
      reset({ applicationId, version: saved.version, schedule: saved.schedule, dailyAt: saved.dailyAt, timeZone: saved.timeZone, everyHours: saved.everyHours });
      setOutcome({
        tone: "success",
        message: saved.schedule === "daily" ? `Schedule saved: daily at ${saved.dailyAt} (${saved.timeZone}).` : `Schedule saved: every ${saved.everyHours} hours.`,
      });
    },
    onError: () => setOutcome({ tone: "error", message: CONNECTION_FAILED }),
  });

  return (
    <TabCard id="schedule" title="Schedule" description="When each district's files are made and sent. A run starts within 5 minutes of its time.">
      <form
        noValidate
        aria-label="Schedule"
        className="space-y-4"
        onSubmit={handleSubmit(
          (values) => {
            setOutcome(null);
            save.mutate({ ...values, version: settings.version });
          },
          () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
        )}
      >
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">Deliver</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="daily" {...register("schedule")} /> Daily
          </label>
          {schedule === "daily" ? (
            <div className="ml-6 flex flex-wrap gap-4">
              <Field label="At" type="time" className="w-36" error={formState.errors.dailyAt?.message} {...register("dailyAt")} />
              <div>
                <label htmlFor={zoneId} className="mb-1 block text-sm font-medium text-slate-800">
                  Time zone
                </label>
                <select
                  id={zoneId}
                  className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
                  {...register("timeZone")}
                >
                  {timeZones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone}
                    </option>
                  ))}
                </select>
                <FieldError message={formState.errors.timeZone?.message} />
              </div>
            </div>
          ) : null}
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="every_hours" {...register("schedule")} /> Every few hours
          </label>
          {schedule === "every_hours" ? (
            <Field label="Every (hours, 1–24)" inputMode="numeric" className="ml-6 w-44" error={formState.errors.everyHours?.message} {...register("everyHours")} />
          ) : null}
        </fieldset>
        <SectionSave label="Save schedule" outcome={outcome} saving={save.isPending} dirty={formState.isDirty} />
      </form>
      <DeliverNow applicationId={applicationId} />
    </TabCard>
  );
}

function DeliverNow({ applicationId }: { applicationId: string }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<SectionOutcome | null>(null);
  const deliver = useMutation({
    mutationFn: deliverNowAction,
    onSuccess: (result) => {
      if (!result.ok) return setOutcome({ tone: "error", message: result.formError });
      const { queued } = result.data;
      setOutcome({ tone: "success", message: `Queued for ${queued === 1 ? "1 district" : `${queued} districts`}. Follow them in the delivery log below.` });
      void queryClient.invalidateQueries({ queryKey: fileDeliveryKeys.runs(applicationId) });
    },
    onError: () => setOutcome({ tone: "error", message: "Deliver now could not be sent: the connection failed. Nothing was queued; try again." }),
  });
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          disabled={deliver.isPending}
          onClick={() => {
            setOutcome(null);
            deliver.mutate({ applicationId });
          }}
        >
          {deliver.isPending ? "Queueing…" : "Deliver now"}
        </Button>
        <span className="text-sm text-slate-500">Sends every district&apos;s files now, with the saved settings, besides the schedule.</span>
      </div>
      {outcome ? <Alert tone={outcome.tone === "info" ? "info" : outcome.tone}>{outcome.message}</Alert> : null}
    </div>
  );
}
