// OneRoster's error answers: an HTTP status with an imsx_StatusInfo body naming what was
// wrong, so a vendor's client can tell a bad filter from an expired token or a missing record.

export type CodeMinor =
  | "invalid_filter_field"
  | "invalid_selection_field"
  | "invalid_sort_field"
  | "invaliddata"
  | "unknownobject"
  | "unauthorisedrequest"
  | "forbidden"
  | "internal_server_error";

/** An expected failure of a Data API request; the router turns it into a statusInfoSet answer. */
export class OneRosterError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 500,
    readonly codeMinor: CodeMinor,
    readonly description: string,
  ) {
    super(description);
    this.name = "OneRosterError";
  }
}

export const badFilter = (description: string) => new OneRosterError(400, "invalid_filter_field", description);
export const badSelection = (description: string) => new OneRosterError(400, "invalid_selection_field", description);
export const badSort = (description: string) => new OneRosterError(400, "invalid_sort_field", description);
export const badData = (description: string) => new OneRosterError(400, "invaliddata", description);
export const unknownObject = (description: string) => new OneRosterError(404, "unknownobject", description);

export function statusInfoBody(codeMinor: CodeMinor, description: string) {
  return {
    statusInfoSet: [
      {
        imsx_codeMajor: "failure",
        imsx_severity: "error",
        imsx_description: description,
        imsx_CodeMinor: {
          imsx_codeMinorField: [{ imsx_codeMinorFieldName: "TargetEndSystem", imsx_codeMinorFieldValue: codeMinor }],
        },
      },
    ],
  };
}

export function errorResponse(error: OneRosterError): Response {
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "no-store" };
  if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="oneroster"';
  return new Response(JSON.stringify(statusInfoBody(error.codeMinor, error.description)), { status: error.status, headers });
}
