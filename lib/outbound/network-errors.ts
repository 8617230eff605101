// Turns what went wrong on the wire into a kind and words a vendor can act on
// ("Connection refused by 203.0.113.7:443", "TLS handshake failed: certificate has expired").

/** How far an exchange got: errors and timeouts mean different things in each phase. */
export type ExchangePhase = "connecting" | "handshaking" | "waiting" | "reading";

export type NetworkFailure = {
  ok: false;
  error: { kind: "refused" | "reset" | "timeout" | "tls" | "network"; message: string };
};

// Certificate and protocol errors from OpenSSL and Node's TLS layer.
const TLS_ERROR_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;
const CLOSED_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

export function describeNetworkError(error: unknown, phase: ExchangePhase, endpoint: string, usesTls: boolean): NetworkFailure {
  const code = errorCode(error) ?? "";
  const detail = openSslReason(error) ?? (error instanceof Error ? error.message : String(error));
  if (code === "ECONNREFUSED") return failure("refused", `Connection refused by ${endpoint}`);
  if (usesTls && (phase === "handshaking" || TLS_ERROR_CODE.test(code))) {
    const reason = CLOSED_CODES.has(code) ? "the server closed the connection" : detail;
    return failure("tls", `TLS handshake failed: ${reason}`);
  }
  if (CLOSED_CODES.has(code)) {
    return phase === "reading"
      ? failure("reset", "The connection was closed while the response was being read")
      : failure("reset", "The connection was closed before a response arrived");
  }
  if (code === "ETIMEDOUT") return failure("timeout", `Connecting to ${endpoint} timed out`);
  if (code.startsWith("HPE_")) return failure("network", `${endpoint} did not answer with valid HTTP (${code})`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return failure("network", `Could not reach ${endpoint} (${code})`);
  return failure("network", `Request to ${endpoint} failed: ${detail}`);
}

export function describeTimeout(phase: ExchangePhase, endpoint: string, duration: string): NetworkFailure {
  switch (phase) {
    case "connecting":
      return failure("timeout", `Could not connect to ${endpoint} within ${duration}`);
    case "handshaking":
      return failure("timeout", `The TLS handshake with ${endpoint} did not finish within ${duration}`);
    case "waiting":
      return failure("timeout", `No response within ${duration}`);
    case "reading":
      return failure("timeout", `The response did not finish arriving within ${duration}`);
  }
}

/** The `code` Node puts on system and library errors (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED...). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

// OpenSSL errors carry a short `reason` ("wrong version number"), or bury it in a long
// message ("write EPROTO 80AC…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…").
function openSslReason(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "reason" in error && typeof error.reason === "string") return error.reason;
  return error instanceof Error ? /:SSL routines:[^:]*:([^:]+):/.exec(error.message)?.[1] : undefined;
}

/** 10000 → "10 s", 300 → "0.3 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function failure(kind: NetworkFailure["error"]["kind"], message: string): NetworkFailure {
  return { ok: false, error: { kind, message } };
}
