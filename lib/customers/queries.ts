// The Customers page's reads: the districts using one of the vendor's applications, the
// districts' requests waiting on the vendor, and the vendor's own requests for access.
// Every query is scoped by the vendor id from the session, so another vendor's application
// reads as empty.
import { findVendorApplication } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/generated/prisma/enums";

/** Plain data (dates as ISO 8601 strings), so the page can hand it to client components. */
export type CustomerWebhook = {
  messageId: string;
  eventType: string;
  status: DeliveryStatus;
  /** When the event that sent it happened. */
  sentAt: string;
};

export type RevokedSchool = { orgId: string; name: string; revokedAt: string | null; autoApproved: boolean };

export type Customer = {
  districtId: string;
  districtName: string;
  state: string;
  mode: "trial" | "standard";
  origin: "district" | "vendor_request";
  status: "active" | "deactivated";
  /** Whether the vendor's webhook hears about this activation. */
  autoProvisioned: boolean;
  activatedAt: string;
  deactivatedAt: string | null;
  /** The latest webhook this activation caused, while the deliveries log still holds it. */
  latestWebhook: CustomerWebhook | null;
  revokedSchools: RevokedSchool[];
};

export type PendingSchoolRevocation = {
  id: string;
  districtName: string;
  state: string;
  schoolName: string;
  requestedAt: string;
  requestedByName: string | null;
};

export type RequestableDistrict = { id: string; name: string; state: string };

export type VendorAccessRequest = {
  id: string;
  districtName: string;
  state: string;
  status: "pending" | "denied";
  requestedAt: string;
  decidedAt: string | null;
  requestedByName: string | null;
};

/** The application as the Customers page names it, with the switch that decides revocations. */
export async function findCustomersApplication(vendorId: string, applicationId: string) {
  const application = await findVendorApplication(vendorId, applicationId);
  if (!application) return null;
  const provisioning = await db().provisioningConfig.findUnique({ where: { applicationId }, select: { autoApprove: true } });
  return { id: application.id, name: application.name, autoApprove: provisioning?.autoApprove ?? false };
}

/** Active districts first, then by name. */
export async function listApplicationCustomers(vendorId: string, applicationId: string): Promise<Customer[]> {
  const application = { id: applicationId, vendorId };
  const [activations, revocations] = await Promise.all([
    db().activation.findMany({
      where: { applicationId, application },
      orderBy: [{ status: "asc" }, { district: { name: "asc" } }, { districtId: "asc" }],
      select: {
        districtId: true,
        mode: true,
        origin: true,
        status: true,
        autoProvisioned: true,
        activatedAt: true,
        deactivatedAt: true,
        district: { select: { name: true, state: true } },
        events: {
          where: { webhookMessageId: { not: null } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { createdAt: true, webhookMessage: { select: { id: true, eventType: true, status: true } } },
        },
      },
    }),
    db().accessRequest.findMany({
      where: { applicationId, application, kind: "revoke_school", status: "approved" },
      orderBy: { org: { name: "asc" } },
      select: { districtId: true, orgId: true, decidedAt: true, autoApproved: true, org: { select: { name: true } } },
    }),
  ]);

  const revokedSchools = new Map<string, RevokedSchool[]>();
  for (const { districtId, orgId, org, decidedAt, autoApproved } of revocations) {
    if (!orgId || !org) continue;
    const school = { orgId, name: org.name, revokedAt: decidedAt?.toISOString() ?? null, autoApproved };
    revokedSchools.set(districtId, [...(revokedSchools.get(districtId) ?? []), school]);
  }

  return activations.map(({ district, events, ...activation }) => {
    const [latest] = events;
    const message = latest?.webhookMessage;
    return {
      districtId: activation.districtId,
      districtName: district.name,
      state: district.state,
      mode: activation.mode,
      origin: activation.origin,
      status: activation.status,
      autoProvisioned: activation.autoProvisioned,
      activatedAt: activation.activatedAt.toISOString(),
      deactivatedAt: activation.deactivatedAt?.toISOString() ?? null,
      // An activation made at the vendor's request never sends one; an older webhook belongs to an earlier activation.
      latestWebhook:
        latest && message && activation.origin === "district"
          ? { messageId: message.id, eventType: message.eventType, status: message.status, sentAt: latest.createdAt.toISOString() }
          : null,
      revokedSchools: revokedSchools.get(activation.districtId) ?? [],
    };
  });
}

/** Districts' requests to revoke one school's access, oldest first: the order to answer them in. */
export async function listPendingSchoolRevocations(vendorId: string, applicationId: string): Promise<PendingSchoolRevocation[]> {
  const requests = await db().accessRequest.findMany({
    where: { applicationId, application: { id: applicationId, vendorId }, kind: "revoke_school", status: "pending" },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      requestedAt: true,
      district: { select: { name: true, state: true } },
      org: { select: { name: true } },
      requestedBy: { select: { name: true } },
    },
  });
  return requests.map((request) => ({
    id: request.id,
    districtName: request.district.name,
    state: request.district.state,
    schoolName: request.org?.name ?? "A school no longer in the roster",
    requestedAt: request.requestedAt.toISOString(),
    requestedByName: request.requestedBy?.name ?? null,
  }));
}

/** Districts the vendor may ask for access: no active activation of the application and no request of the vendor's waiting. */
export async function listRequestableDistricts(vendorId: string, applicationId: string): Promise<RequestableDistrict[]> {
  if (!(await findVendorApplication(vendorId, applicationId))) return [];
  return db().district.findMany({
    where: {
      sandbox: false,
      activations: { none: { applicationId, status: "active" } },
      accessRequests: { none: { applicationId, kind: "vendor_access", status: "pending" } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, state: true },
  });
}

/** The vendor's requests for access that are waiting or were denied, newest first; approved ones are customers. */
export async function listVendorAccessRequests(vendorId: string, applicationId: string): Promise<VendorAccessRequest[]> {
  const requests = await db().accessRequest.findMany({
    where: { applicationId, application: { id: applicationId, vendorId }, kind: "vendor_access", status: { in: ["pending", "denied"] } },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      district: { select: { name: true, state: true } },
      requestedBy: { select: { name: true } },
    },
  });
  return requests.map((request) => ({
    id: request.id,
    districtName: request.district.name,
    state: request.district.state,
    // The query asks for these two only; approved requests are never read here.
    status: request.status === "denied" ? "denied" : "pending",
    requestedAt: request.requestedAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    requestedByName: request.requestedBy?.name ?? null,
  }));
}

export type CustomersPage = {
  application: { id: string; name: string; autoApprove: boolean };
  customers: Customer[];
  pendingRevocations: PendingSchoolRevocation[];
  requestableDistricts: RequestableDistrict[];
  accessRequests: VendorAccessRequest[];
};

/** Everything the Customers page shows, or null when the application is not the vendor's. */
export async function loadCustomersPage(vendorId: string, applicationId: string): Promise<CustomersPage | null> {
  const application = await findCustomersApplication(vendorId, applicationId);
  if (!application) return null;
  const [customers, pendingRevocations, requestableDistricts, accessRequests] = await Promise.all([
    listApplicationCustomers(vendorId, application.id),
    listPendingSchoolRevocations(vendorId, application.id),
    listRequestableDistricts(vendorId, application.id),
    listVendorAccessRequests(vendorId, application.id),
  ]);
  return { application, customers, pendingRevocations, requestableDistricts, accessRequests };
}
