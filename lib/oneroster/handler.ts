// The Data API's entry point: authenticate the bearer token first, then answer for the one
// district it may read.
import { authenticateDataApi } from "@/lib/data-api/auth";
import { OneRosterError, errorResponse } from "./errors";
import { answerOneRoster } from "./router";

export async function handleOneRosterGet(request: Request): Promise<Response> {
  try {
    const access = await authenticateDataApi(request);
    if (!access.ok) {
      return errorResponse(new OneRosterError(access.status, access.status === 401 ? "unauthorisedrequest" : "forbidden", access.description));
    }
    return await answerOneRoster(request, access.districtId);
  } catch (error) {
    console.error("OneRoster authentication failed", error);
    return errorResponse(new OneRosterError(500, "internal_server_error", "The request could not be answered. Try again later."));
  }
}
