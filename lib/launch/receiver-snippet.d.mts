// Types for receiver-snippet.mjs, the plain JavaScript vendors copy from the Sign-in tab.
import type { JWTPayload } from "jose";

export type LaunchVerifierOptions = { jwksUrl: string; issuer: string; audience: string };

export function createLaunchVerifier(options: LaunchVerifierOptions): (token: unknown) => Promise<JWTPayload & Record<string, unknown>>;
