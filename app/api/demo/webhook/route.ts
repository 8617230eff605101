import { receiveDemoWebhook } from "@/lib/instance/demo-receiver";

export const POST = receiveDemoWebhook;
