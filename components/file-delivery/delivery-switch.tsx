"use client";

// Delivery on or off. Turning it on is refused, in words, until the format and destination
// are complete; the switch saves at once.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { SettingsProps } from "@/components/file-delivery/file-delivery-tab";
import { TabCard } from "@/components/file-delivery/file-delivery-tab";
import { CONNECTION_FAILED, type SectionOutcome } from "@/components/file-delivery/section-save";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { saveDeliveryEnabledAction } from "@/lib/deliveries/actions";
import type { FileDeliverySettings } from "@/lib/deliveries/settings";

export function DeliverySwitch({ settings, onSaved, activeDistricts }: SettingsProps & { activeDistricts: number }) {
  const [outcome, setOutcome] = useState<SectionOutcome | null>(null);
  const save = useMutation({
    mutationFn: saveDeliveryEnabledAction,
    onSuccess: (result) => {
      if (!result.ok) return setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
      onSaved(result.data);
      setOutcome({ tone: "success", message: result.data.enabled ? "Delivery is on." : "Delivery is off: no files will be sent." });
    },
    onError: () => setOutcome({ tone: "error", message: CONNECTION_FAILED }),
  });

  return (
    <TabCard id="delivery" title="Delivery" description="Rosters of the districts that activated this application, as files, on a schedule.">
      <Switch
        label="Deliver roster files"
        checked={settings.enabled}
        disabled={save.isPending}
        description={summary(settings, activeDistricts)}
        onChange={(enabled) => {
          setOutcome(null);
          save.mutate({ applicationId: settings.applicationId, version: settings.version, enabled });
        }}
      />
      {outcome ? (
        <Alert tone={outcome.tone}>
          {outcome.message}
          {outcome.offerReload ? (
            <Button variant="secondary" className="ml-3" onClick={() => window.location.reload()}>
              Reload
            </Button>
          ) : null}
        </Alert>
      ) : null}
    </TabCard>
  );
}

function summary(settings: FileDeliverySettings, activeDistricts: number): string {
  if (!settings.enabled) return "Off. Choose a format and a destination below, then turn delivery on.";
  const format = settings.format === "custom_csv" ? `your custom format (version ${settings.savedFormat?.version ?? "?"})` : "OneRoster 1.1 CSV";
  const where = settings.destination === "vendor_sftp" ? `your SFTP server ${settings.sftpHost}` : "your Rollcall-hosted outbox";
  const when = settings.schedule === "daily" ? `daily at ${settings.dailyAt} (${settings.timeZone})` : `every ${settings.everyHours} hours`;
  const districts = activeDistricts === 1 ? "1 district" : `${activeDistricts} districts`;
  return `On: ${format} to ${where}, ${when}, for ${districts}.`;
}
