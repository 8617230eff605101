// What a server action returns: expected failures are values the form can show, never
// exceptions with internals in them.

/** Failures the form reacts to beyond showing the message ("stale": offer a reload; "rate_limited": wait). */
export type FailureCode = "stale" | "rate_limited";

export type ActionFailure = { ok: false; formError: string; fieldErrors?: Record<string, string>; code?: FailureCode };

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** An error whose message is written for the user and may be shown as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly details: { fieldErrors?: Record<string, string>; code?: FailureCode } = {},
  ) {
    super(message);
  }
}

export const GENERIC_ERROR =
  "Something went wrong on our side and nothing was saved. Try again; if it keeps happening, contact your Rollcall operator.";
