// What a server action returns: expected failures are values the form can show, never
// exceptions with internals in them.

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; formError: string; fieldErrors?: Record<string, string> };

/** An error whose message is written for the user and may be shown as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const GENERIC_ERROR =
  "Something went wrong on our side and nothing was saved. Try again; if it keeps happening, contact your Rollcall operator.";
