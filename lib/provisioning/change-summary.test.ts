import { describe, expect, it } from "vitest";
import { summarizeChanges, type SettingsSnapshot } from "@/lib/provisioning/change-summary";

const base: SettingsSnapshot = {
  autoProvisioning: false,
  autoApprove: false,
  webhookUrl: null,
  buttonLabel: "Activate",
  headers: [{ name: "X-Tenant", secret: false, valueFingerprint: "acme" }],
};

describe("change summary", () => {
  it("says nothing when nothing changed", () => {
    expect(summarizeChanges(base, base)).toEqual([]);
  });

  it("describes switches, URL and label", () => {
    const after = { ...base, autoProvisioning: true, autoApprove: true, webhookUrl: "https://hooks.example.com/in?token=s3cret", buttonLabel: "Start" };
    expect(summarizeChanges(base, after)).toEqual([
      "Auto-provisioning turned on",
      "Auto-approve turned on",
      "Webhook URL set to https://hooks.example.com/in?…",
      "Button label changed from “Activate” to “Start”",
    ]);
  });

  it("describes header changes without ever printing a value", () => {
    const after: SettingsSnapshot = {
      ...base,
      headers: [
        { name: "X-Tenant", secret: false, valueFingerprint: "globex" },
        { name: "X-Api-Key", secret: true, valueFingerprint: "v1.cipher" },
      ],
    };
    const lines = summarizeChanges(base, after);
    expect(lines).toEqual(["Header X-Tenant value changed", "Header X-Api-Key added (secret)"]);
    expect(lines.join(" ")).not.toMatch(/globex|cipher/);
    expect(summarizeChanges(after, base)).toEqual(["Header X-Tenant value changed", "Header X-Api-Key removed"]);
  });

  it("notices a header turned secret and a reorder", () => {
    const two = { ...base, headers: [...base.headers, { name: "X-B", secret: false, valueFingerprint: "b" }] };
    expect(summarizeChanges(two, { ...two, headers: [two.headers[1]!, two.headers[0]!] })).toEqual(["Headers reordered"]);
    expect(summarizeChanges(base, { ...base, headers: [{ name: "X-Tenant", secret: true, valueFingerprint: "x" }] })).toEqual([
      "Header X-Tenant marked secret",
    ]);
  });
});
