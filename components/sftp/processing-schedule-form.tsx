"use client";

// When the inbox is processed each day: a time of day in a time zone the district chooses.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { Field, FieldHelp } from "@/components/ui/field";
import { saveProcessingScheduleAction } from "@/lib/sftp/actions";
import { processingScheduleSchema, type ProcessingScheduleInput } from "@/lib/sftp/schema";
import { showFieldErrors } from "@/components/ui/field-errors";

type ProcessingScheduleFormProps = { schedule: ProcessingScheduleInput; timeZones: string[] };

export function ProcessingScheduleForm({ schedule, timeZones }: ProcessingScheduleFormProps) {
  const router = useRouter();
  const zoneId = useId();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const form = useForm<ProcessingScheduleInput>({ resolver: zodResolver(processingScheduleSchema), defaultValues: schedule });
  const { register, handleSubmit, setError, reset, formState } = form;
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveProcessingScheduleAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(result.data);
        setOutcome({ tone: "success", message: `Saved. The inbox is processed every day at ${result.data.processAt} (${result.data.timeZone}).` });
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The time could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  const zoneError = formState.errors.timeZone?.message;
  return (
    <form
      aria-label="Daily processing time"
      noValidate
      onSubmit={handleSubmit(
        (values) => {
          setOutcome(null);
          save.mutate(values);
        },
        () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
      )}
      className="max-w-4xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap gap-4">
        <Field label="Time of day" type="time" className="w-40" error={formState.errors.processAt?.message} {...register("processAt")} />
        <div className="min-w-64 flex-1">
          <label htmlFor={zoneId} className="mb-1 block text-sm font-medium text-slate-800">
            Time zone
          </label>
          <select
            id={zoneId}
            aria-invalid={zoneError ? true : undefined}
            aria-describedby={zoneError ? `${zoneId}-error` : `${zoneId}-hint`}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
            {...register("timeZone")}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          <FieldHelp id={zoneId} error={zoneError} hint="Daylight saving time is followed: 02:00 stays 02:00 on the clocks of this zone." />
        </div>
      </div>
      <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
    </form>
  );
}
