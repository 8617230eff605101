"use client";

// The vendor's own SFTP server: where to connect, the public key to install there, Test
// connection with the form's values, and the host key to confirm on first connection or
// after it changed.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import type { SettingsProps } from "@/components/file-delivery/file-delivery-tab";
import { HostKeyPanel } from "@/components/file-delivery/host-key-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { regenerateSftpKeyAction, testSftpConnectionAction, type ConnectionTestResult } from "@/lib/deliveries/actions";
import type { DeliveryDestinationInput } from "@/lib/deliveries/settings-schema";

export function VendorSftpFields({ settings, onSaved, preparingKey }: SettingsProps & { preparingKey: boolean }) {
  const { register, formState, trigger, getValues } = useFormContext<DeliveryDestinationInput>();
  const [tested, setTested] = useState<ConnectionTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);

  const test = useMutation({
    mutationFn: testSftpConnectionAction,
    onSuccess: (result) => {
      if (!result.ok) return setTestError(result.formError);
      setTested(result.data);
      if (result.data.hostKey && result.data.hostKeyStatus !== "pinned") {
        onSaved((current) => ({ ...current, presentedHostKey: result.data.hostKey }));
      }
    },
    onError: () => setTestError("The test could not be sent: the connection to Rollcall failed. Try again."),
  });

  const runTest = async () => {
    setTested(null);
    setTestError(null);
    if (!(await trigger(["sftpHost", "sftpPort", "sftpUsername", "sftpFolder"]))) {
      setTestError("Check the highlighted fields, then test again.");
      return;
    }
    test.mutate({ ...getValues(), version: settings.version });
  };

  const presented = settings.presentedHostKey && settings.presentedHostKey !== settings.pinnedHostKey ? settings.presentedHostKey : null;

  return (
    <div className="space-y-5 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field label="Host" placeholder="sftp.example.com" autoComplete="off" spellCheck={false} error={formState.errors.sftpHost?.message} {...register("sftpHost")} />
        <Field label="Port" inputMode="numeric" autoComplete="off" error={formState.errors.sftpPort?.message} {...register("sftpPort")} />
        <Field label="User name" autoComplete="off" spellCheck={false} error={formState.errors.sftpUsername?.message} {...register("sftpUsername")} />
        <Field
          label="Folder"
          placeholder="/incoming/rollcall"
          autoComplete="off"
          spellCheck={false}
          hint="Each district's files go into a folder named after its districtGUID inside it."
          error={formState.errors.sftpFolder?.message}
          {...register("sftpFolder")}
        />
      </div>

      <PublicKey applicationId={settings.applicationId} publicKey={settings.sftpPublicKey} preparing={preparingKey} onSaved={onSaved} />

      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          {settings.pinnedHostKey ? (
            <>
              Trusted host key: <code className="font-mono text-xs break-all">{settings.pinnedHostKey}</code>
            </>
          ) : (
            "No host key trusted yet: use Test connection, check the fingerprint your server shows, and trust it. Deliveries wait until you do."
          )}
        </p>
        <Button variant="secondary" onClick={runTest} disabled={test.isPending || !settings.sftpPublicKey}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        {testError ? <Alert tone="error">{testError}</Alert> : null}
        {tested && (tested.connected || !tested.hostKeyStatus || tested.hostKeyStatus === "pinned") ? (
          <Alert tone={tested.connected ? "success" : "error"}>{tested.message}</Alert>
        ) : null}
        {presented ? (
          <HostKeyPanel applicationId={settings.applicationId} presented={presented} pinned={settings.pinnedHostKey} onTrusted={(pinned) => onSaved((current) => ({ ...current, pinnedHostKey: pinned, presentedHostKey: null }))} />
        ) : null}
      </div>
    </div>
  );
}

type PublicKeyProps = Pick<SettingsProps, "onSaved"> & { applicationId: string; publicKey: string | null; preparing: boolean };

function PublicKey({ applicationId, publicKey, preparing, onSaved }: PublicKeyProps) {
  const [confirming, setConfirming] = useState(false);
  const regenerate = useMutation({
    mutationFn: regenerateSftpKeyAction,
    onSuccess: (result) => {
      if (!result.ok) return;
      setConfirming(false);
      onSaved((current) => ({ ...current, sftpPublicKey: result.data.publicKey }));
    },
  });
  const failure = regenerate.isError ? "The request failed: try again." : regenerate.data && !regenerate.data.ok ? regenerate.data.formError : null;

  if (!publicKey) {
    return <p className="text-sm text-slate-600">{preparing ? "Making this application's key…" : "This application has no key yet."}</p>;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-800">This application&apos;s public key</p>
      <p className="text-xs text-slate-600">
        Add this line to <code>~/.ssh/authorized_keys</code> of the user above on your server. Rollcall keeps the private key encrypted and never shows it.
      </p>
      <pre aria-label="Public key" className="overflow-x-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs">
        {publicKey}
      </pre>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={publicKey} label="Copy public key" />
        {confirming ? (
          <span role="group" aria-label="Confirm generating a new key" className="inline-flex flex-wrap items-center gap-2">
            <span className="text-xs text-slate-600">Deliveries fail until you install the new public key on your server.</span>
            <Button variant="secondary" disabled={regenerate.isPending} onClick={() => regenerate.mutate({ applicationId })}>
              {regenerate.isPending ? "Generating…" : "Replace the key"}
            </Button>
            <Button variant="ghost" autoFocus disabled={regenerate.isPending} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        ) : (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            Generate a new key…
          </Button>
        )}
      </div>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
    </div>
  );
}
