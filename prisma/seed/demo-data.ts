// Demo data for a new instance (the catalog is in demo-catalog.ts). Loaded once, into an
// empty database only, in one transaction: vendors, districts and their generated rosters
// (about 5,000 students in all, a second or two to write).
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { sendsWebhooks, notifyVendor } from "@/lib/activations/webhook";
import { hashPassword } from "@/lib/auth/password";
import { getConfig } from "@/lib/config";
import { writeRoster } from "@/lib/roster/bulk-insert";
import { generateRoster } from "@/lib/roster/generator";
import { createSigningSecret } from "@/lib/webhooks/signing-secrets";
import { ACTIVATIONS, DEMO_PASSWORD, DEMO_RECEIVER_PATH, DEMO_OPERATOR, DISTRICTS, VENDORS, type DemoApplication } from "@/prisma/seed/demo-catalog";

export { DEMO_LOGINS, DEMO_PASSWORD } from "@/prisma/seed/demo-catalog";

/**
 * Loads the demo data unless the database already holds any vendor, district, user or
 * invitation (a real instance's first operator may still be only an invitation from
 * `create-operator`, and must never meet the demo logins and their published password).
 */
export async function loadDemoDataIfEmpty(prisma: PrismaClient): Promise<boolean> {
  const counts = await Promise.all([prisma.vendor.count(), prisma.district.count({ where: { sandbox: false } }), prisma.user.count(), prisma.invitation.count()]);
  if (counts.some((count) => count > 0)) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.user.create({ data: { ...DEMO_OPERATOR, passwordHash, role: "OPERATOR" } });
    for (const vendor of VENDORS) {
      await tx.vendor.create({
        data: {
          name: vendor.name,
          // Both demo vendors have applications with auto-provisioning on, so an operator has enabled it for them.
          autoProvisioningAvailable: true,
          admins: { create: { ...vendor.admin, passwordHash, role: "VENDOR_ADMIN" } },
          applications: { create: vendor.applications.map((application) => applicationData(application, now)) },
        },
      });
    }
    for (const application of await tx.application.findMany({ select: { id: true } })) await createSigningSecret(tx, application.id);

    for (const { admin, schools, students, ...district } of DISTRICTS) {
      const { id } = await tx.district.create({ data: { ...district, admins: { create: { ...admin, passwordHash, role: "DISTRICT_ADMIN" } } } });
      const roster = generateRoster({
        districtGuid: district.districtGuid,
        districtName: district.name,
        state: district.state,
        students,
        schools: schools.map((name, index) => ({ sourcedId: `school-${index + 1}`, name })),
      });
      await writeRoster(tx, id, roster);
    }
    for (const activation of ACTIVATIONS) await activate(tx, activation, now);
    await tx.instance.upsert({ where: { id: 1 }, create: { demoDataLoadedAt: now }, update: { demoDataLoadedAt: now } });
  }, { timeout: 120_000 });
  return true;
}

function applicationData(application: DemoApplication, now: Date) {
  const webhookUrl = application.autoProvisioning ? getConfig().publicUrl + DEMO_RECEIVER_PATH : null;
  return {
    name: application.name,
    description: application.description,
    publishedAt: application.published ? now : null,
    provisioning: {
      create: {
        autoProvisioning: Boolean(application.autoProvisioning),
        autoApprove: Boolean(application.autoProvisioning),
        webhookUrl,
        ...(application.buttonLabel && { buttonLabel: application.buttonLabel }),
      },
    },
    ...(application.banner && { banner: { create: { ...application.banner, shown: true } } }),
  };
}

/** As a district admin's click would: the activation, its event and (with auto-provisioning) its webhook. */
async function activate(tx: Prisma.TransactionClient, demo: (typeof ACTIVATIONS)[number], now: Date) {
  const district = await tx.district.findFirstOrThrow({ where: { name: demo.district }, include: { admins: true } });
  const application = await tx.application.findFirstOrThrow({
    where: { name: demo.application },
    include: { provisioning: true, vendor: { select: { autoProvisioningAvailable: true } } },
  });
  const autoProvisioned = sendsWebhooks(application.provisioning, application.vendor);
  const activation = await tx.activation.create({
    data: { districtId: district.id, applicationId: application.id, mode: demo.mode, origin: "district", autoProvisioned, activatedAt: now },
  });
  const webhookMessageId = autoProvisioned
    ? await notifyVendor(tx, { type: "application.activated", mode: demo.mode, applicationId: application.id, district, occurredAt: now })
    : null;
  await tx.activationEvent.create({
    data: { activationId: activation.id, kind: "activated", mode: demo.mode, actorId: district.admins[0]?.id, webhookMessageId, createdAt: now },
  });
}
