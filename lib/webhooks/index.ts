// Rollcall's one way to send webhooks. Everything that causes a webhook calls
// enqueueWebhook inside its own transaction; the worker process (worker.ts) does the rest.
export { enqueueWebhook, type DeliveryTrigger } from "@/lib/webhooks/messages";
export { SANDBOX_DISTRICT, type WebhookDistrict, type WebhookEvent, type WebhookEventType, type WebhookMode } from "@/lib/webhooks/payload";
