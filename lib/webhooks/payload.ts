// The JSON body of every webhook (docs/webhooks.md): what happened, to which district,
// and where the vendor fetches that district's credentials.

export type WebhookMode = "test" | "trial" | "standard";
export type WebhookEventType = "application.activated" | "application.deactivated" | "roster.changed";
export type WebhookDistrict = { guid: string; name: string; state: string };

/** The district every `test` webhook names; the Partner API answers for it with sandbox data. */
export const SANDBOX_DISTRICT: WebhookDistrict = {
  guid: "00000000-0000-4000-8000-000000000000",
  name: "Rollcall Sandbox District",
  state: "ZZ",
};

export type WebhookEvent = {
  type: WebhookEventType;
  mode: WebhookMode;
  applicationId: string;
  district: WebhookDistrict;
  occurredAt: Date;
};

export function buildWebhookBody(event: WebhookEvent, publicUrl: string): string {
  return JSON.stringify({
    type: event.type,
    mode: event.mode,
    districtGUID: event.district.guid,
    applicationId: event.applicationId,
    district: { name: event.district.name, state: event.district.state },
    occurredAt: event.occurredAt.toISOString(),
    credentialsUrl: `${publicUrl}/api/partner/v1/districts/${event.district.guid}/credentials`,
  });
}

/** A stored body indented for reading; the bytes sent stay the compact form. */
export function prettyJson(body: string): string {
  return JSON.stringify(JSON.parse(body), null, 2);
}
