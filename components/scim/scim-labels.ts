// Words for the SCIM log's raw values, shared by the log, its filters and the sync warning.
export const OPERATION_LABELS: Record<string, string> = {
  create: "Create",
  replace: "Replace",
  update: "Update",
  delete: "Delete",
  get: "Read",
  list: "List",
};

export const OUTCOME_LABELS = { success: "Succeeded", failure: "Failed" } as const;

/** "Create User", "Update Group"; a discovery endpoint ("ServiceProviderConfig") is named once. */
export function describeOperation(operation: string, resourceType: string): string {
  const label = OPERATION_LABELS[operation];
  if (!label) return operation === resourceType ? resourceType : `${operation} ${resourceType}`;
  return `${label} ${resourceType}`;
}
