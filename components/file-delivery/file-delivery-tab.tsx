"use client";

// The File delivery tab: the saved settings live here, so every section saves against the
// version the others last saved, and a save by someone else is caught as stale.
import { useState, type Dispatch, type SetStateAction } from "react";
import { DeliveryLog, type RunPage } from "@/components/file-delivery/delivery-log";
import { DeliverySwitch } from "@/components/file-delivery/delivery-switch";
import { DestinationSection, type OutboxView } from "@/components/file-delivery/destination-section";
import { FormatSection } from "@/components/file-delivery/format-section";
import { ScheduleSection } from "@/components/file-delivery/schedule-section";
import type { FileDeliverySettings } from "@/lib/deliveries/settings";

export type SettingsProps = { settings: FileDeliverySettings; onSaved: Dispatch<SetStateAction<FileDeliverySettings>> };

type FileDeliveryTabProps = {
  initialSettings: FileDeliverySettings;
  outbox: OutboxView;
  districts: { id: string; name: string }[];
  activeDistricts: number;
  timeZones: string[];
  initialRuns: RunPage;
};

export function FileDeliveryTab({ initialSettings, outbox, districts, activeDistricts, timeZones, initialRuns }: FileDeliveryTabProps) {
  const [settings, setSettings] = useState(initialSettings);
  return (
    <div className="space-y-8">
      <DeliverySwitch settings={settings} onSaved={setSettings} activeDistricts={activeDistricts} />
      <FormatSection settings={settings} onSaved={setSettings} />
      <DestinationSection settings={settings} onSaved={setSettings} outbox={outbox} />
      <ScheduleSection settings={settings} onSaved={setSettings} timeZones={timeZones} />
      <DeliveryLog applicationId={settings.applicationId} districts={districts} initialRuns={initialRuns} />
    </div>
  );
}

/** A card of the tab, named by its heading. */
export function TabCard({ id, title, description, children }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
