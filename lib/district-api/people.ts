// POST /api/district/v1/people: the district's systems create, update and deactivate people one
// request at a time. This layer authenticates, checks the content type, size and shape, and
// answers per item; matching, validation of values and writing are the import pipeline's.
import { withAuditContext } from "@/lib/audit/context";
import { ipFromHeaders } from "@/lib/audit/record";
import { readBodyWithin } from "@/lib/http/limited-body";
import { authenticateDistrictApi, districtApiActor } from "@/lib/district-api/tokens";
import { MAX_BODY_BYTES, parsePeopleRequest, type ItemError, type ItemOutcome } from "@/lib/district-api/people-request";
import { districtApiError, districtApiJson, unauthorised } from "@/lib/district-api/responses";
import type { PersonValues } from "@/lib/imports/people/columns";
import { importPeopleItems, type PersonResult } from "@/lib/imports/people/import-items";
import { DISTRICT_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

export type ItemAnswer = {
  index: number;
  outcome: ItemOutcome;
  matchedBy: PersonResult["matchedBy"];
  sourcedId: string | null;
  errors: ItemError[];
  /** Only when there are some: things the import noted about an item it applied. */
  warnings?: ItemError[];
};

export type PeopleAnswer = { importId: string; results: ItemAnswer[]; summary: Record<ItemOutcome | "total", number> };

const OUTCOME_NAMES: Record<PersonResult["outcome"], ItemOutcome> = {
  create: "created",
  update: "updated",
  deactivate: "updated",
  unchanged: "unchanged",
  conflict: "conflict",
  error: "error",
};

export async function handlePeopleUpsert(request: Request): Promise<Response> {
  try {
    return await upsertPeople(request);
  } catch (error) {
    console.error("District people API request failed", error);
    return districtApiError(500, "internal_error", "Something went wrong on our side and nothing was saved. Send the request again; if it keeps failing, contact your Rollcall operator.");
  }
}

async function upsertPeople(request: Request): Promise<Response> {
  const caller = await authenticateDistrictApi(request);
  if (!caller) return unauthorised();
  if (caller === "suspended") return districtApiError(403, "district_suspended", DISTRICT_SUSPENDED_MESSAGE);

  const type = request.headers.get("content-type");
  if (!type || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim())) {
    return districtApiError(415, "unsupported_media_type", "Send the body as JSON with the header Content-Type: application/json.");
  }
  const read = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!read.ok) {
    return districtApiError(413, "body_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB. Send at most 1,000 people per request.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes));
  } catch {
    return districtApiError(400, "invalid_json", "The body is not valid UTF-8 JSON. Check for a trailing comma or an unquoted value.");
  }

  const parsed = parsePeopleRequest(body);
  if (!parsed.ok) return districtApiError(parsed.status, parsed.code, parsed.message);

  // An item refused here still goes to the pipeline, with its problems, so that the import
  // history records it and the pipeline's indices stay the request's.
  const items: PersonValues[] = parsed.items.map((item) => (item.ok ? item.values : {}));
  const refused = new Map(
    parsed.items.flatMap((item, index) =>
      item.ok ? [] : [[index, item.errors.map((error) => ({ kind: "error" as const, file: null, line: index, column: error.field, message: error.message }))] as const],
    ),
  );
  // The import's audit event names the token, and the address the request came from.
  const audit = { actor: districtApiActor(caller.tokenName), ip: ipFromHeaders(request.headers) };
  const { importId, results } = await withAuditContext(audit, () => importPeopleItems(caller.districtId, items, { tokenId: caller.tokenId }, refused));
  const byIndex = new Map(results.map((result) => [result.index, result]));
  const answers = parsed.items.map((item, index): ItemAnswer => {
    const result = byIndex.get(index);
    if (!item.ok) return { index, outcome: "error", matchedBy: null, sourcedId: null, errors: item.errors };
    if (!result) return { index, outcome: "error", matchedBy: null, sourcedId: null, errors: [{ field: null, message: "This person was not processed. Send it again." }] };
    return answerOf(index, result);
  });
  const summary = { total: answers.length, created: 0, updated: 0, unchanged: 0, conflict: 0, error: 0 };
  for (const answer of answers) summary[answer.outcome] += 1;
  return districtApiJson({ importId, results: answers, summary } satisfies PeopleAnswer);
}

function answerOf(index: number, result: PersonResult): ItemAnswer {
  const issue = (found: PersonResult["issues"][number]): ItemError => ({ field: found.column, message: found.message });
  const warnings = result.issues.filter((found) => found.kind === "warning").map(issue);
  return {
    index,
    outcome: OUTCOME_NAMES[result.outcome],
    matchedBy: result.matchedBy,
    sourcedId: result.sourcedId,
    errors: result.issues.filter((found) => found.kind !== "warning").map(issue),
    ...(warnings.length > 0 && { warnings }),
  };
}
