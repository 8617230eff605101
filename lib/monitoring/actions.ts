"use server";

// The Monitoring page's server actions: operators only; each change audited (operator-tokens.ts).
import { operatorAction } from "@/lib/actions/authorised-action";
import { createOperatorToken, revokeOperatorToken } from "@/lib/monitoring/operator-tokens";
import { createOperatorTokenSchema, revokeOperatorTokenSchema } from "@/lib/monitoring/schemas";

/** Answers with the new token in clear: the only time it is ever shown. */
export const createOperatorTokenAction = operatorAction(
  () => createOperatorTokenSchema,
  (operator, { name }) => createOperatorToken(operator, name),
);

export const revokeOperatorTokenAction = operatorAction(
  () => revokeOperatorTokenSchema,
  (_operator, { tokenId }) => revokeOperatorToken(tokenId),
);
