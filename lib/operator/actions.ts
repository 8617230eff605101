"use server";

// The operator console's server actions: operators only, each change audited with the IP it came from.
import { operatorAction } from "@/lib/actions/authorised-action";
import { requestIp } from "@/lib/audit/record";
import { addApplication } from "@/lib/operator/applications";
import { inviteAdmin } from "@/lib/operator/invite-admin";
import { removeAdmin, withdrawInvitation } from "@/lib/operator/admins";
import { inviteOperator, removeOperator } from "@/lib/operator/operators";
import {
  addApplicationSchema,
  autoProvisioningAvailableSchema,
  createDistrictSchema,
  createVendorSchema,
  inviteAdminSchema,
  inviteeSchema,
  invitationIdSchema,
  operatorIdSchema,
  removeAdminSchema,
  tenantIdSchema,
} from "@/lib/operator/schemas";
import { createDistrict, createVendor, setAutoProvisioningAvailable, setSuspended } from "@/lib/operator/tenants";

export const createVendorAction = operatorAction(
  () => createVendorSchema,
  async (operator, input) => createVendor(operator, input, await requestIp()),
);

export const createDistrictAction = operatorAction(
  () => createDistrictSchema,
  async (operator, input) => createDistrict(operator, input, await requestIp()),
);

export const setAutoProvisioningAvailableAction = operatorAction(
  () => autoProvisioningAvailableSchema,
  async (operator, { tenantId, available }) => setAutoProvisioningAvailable(operator, tenantId, available, await requestIp()),
);

export const suspendVendorAction = operatorAction(
  () => tenantIdSchema,
  async (operator, { tenantId }) => setSuspended(operator, "vendor", tenantId, true, await requestIp()),
);

export const resumeVendorAction = operatorAction(
  () => tenantIdSchema,
  async (operator, { tenantId }) => setSuspended(operator, "vendor", tenantId, false, await requestIp()),
);

export const suspendDistrictAction = operatorAction(
  () => tenantIdSchema,
  async (operator, { tenantId }) => setSuspended(operator, "district", tenantId, true, await requestIp()),
);

export const resumeDistrictAction = operatorAction(
  () => tenantIdSchema,
  async (operator, { tenantId }) => setSuspended(operator, "district", tenantId, false, await requestIp()),
);

export const inviteVendorAdminAction = operatorAction(
  () => inviteAdminSchema,
  (operator, input) => inviteAdmin(operator, "vendor", input),
);

export const inviteDistrictAdminAction = operatorAction(
  () => inviteAdminSchema,
  (operator, input) => inviteAdmin(operator, "district", input),
);

export const addApplicationAction = operatorAction(
  () => addApplicationSchema,
  (_operator, { tenantId, ...input }) => addApplication(tenantId, input),
);

export const inviteOperatorAction = operatorAction(
  () => inviteeSchema,
  (operator, invitee) => inviteOperator(operator, invitee),
);

export const removeOperatorAction = operatorAction(
  () => operatorIdSchema,
  (operator, { operatorId }) => removeOperator(operator, operatorId),
);

export const removeVendorAdminAction = operatorAction(
  () => removeAdminSchema,
  (_operator, input) => removeAdmin("vendor", input),
);

export const removeDistrictAdminAction = operatorAction(
  () => removeAdminSchema,
  (_operator, input) => removeAdmin("district", input),
);

export const withdrawInvitationAction = operatorAction(
  () => invitationIdSchema,
  (_operator, { invitationId }) => withdrawInvitation(invitationId),
);
