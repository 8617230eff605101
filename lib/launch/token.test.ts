// Launch tokens as a vendor's receiver sees them: verified against the published JWKS, with
// jose directly and with the receiver snippet the Sign-in tab shows (run here as vendors run it).
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getJwks } from "@/app/.well-known/jwks.json/route";
import { getConfig } from "@/lib/config";
import { createLaunchVerifier } from "@/lib/launch/receiver-snippet.mjs";
import { issueLaunchToken, LAUNCH_TOKEN_LIFETIME_SECONDS, launchTokenIssuer, launchUrlWithToken } from "@/lib/launch/token";

const applicationId = randomUUID();
const districtGuid = randomUUID();
const person = { sourcedId: "t-1001", role: "teacher" as const, givenName: "Ada", familyName: "Byron", email: "ada@springfield.test" };
const launch = (overrides: { now?: number; audience?: string } = {}) =>
  issueLaunchToken({ application: { id: overrides.audience ?? applicationId }, person, district: { districtGuid } }, { now: overrides.now });

async function publishedJwks(): Promise<{ response: Response; jwks: JSONWebKeySet }> {
  const response = await getJwks();
  return { response, jwks: (await response.clone().json()) as JSONWebKeySet };
}

describe("launch tokens", () => {
  it("verify against the published JWKS and carry who is arriving, for 60 seconds", async () => {
    const { response, jwks } = await publishedJwks();
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) })]);
    expect(jwks.keys[0]).not.toHaveProperty("d");

    const token = await launch();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", kid: jwks.keys[0]?.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: getConfig().publicUrl, audience: applicationId, algorithms: ["RS256"] });
    expect(payload).toMatchObject({
      iss: launchTokenIssuer(),
      aud: applicationId,
      sub: "t-1001",
      districtGUID: districtGuid,
      role: "teacher",
      given_name: "Ada",
      family_name: "Byron",
      name: "Ada Byron",
      email: "ada@springfield.test",
      jti: expect.any(String),
    });
    expect(payload.exp! - payload.iat!).toBe(LAUNCH_TOKEN_LIFETIME_SECONDS);
    expect(payload.nbf).toBe(payload.iat);
    expect((await jwtVerify(await launch(), createLocalJWKSet(jwks))).payload.jti).not.toBe(payload.jti);
  });

  it("are refused for another application", async () => {
    const { jwks } = await publishedJwks();
    const token = await launch({ audience: randomUUID() });
    await expect(jwtVerify(token, createLocalJWKSet(jwks), { issuer: launchTokenIssuer(), audience: applicationId })).rejects.toThrow(/"aud" claim/);
  });

  it("travel in the launch URL's query, beside the vendor's own parameters", () => {
    expect(launchUrlWithToken("https://app.example.com/launch?tenant=7&launch_token=old", "abc")).toBe("https://app.example.com/launch?tenant=7&launch_token=abc");
  });
});

describe("the receiver snippet", () => {
  let server: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    server = createServer(async (_request, response) => {
      const answer = await getJwks();
      response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verifier = () => createLaunchVerifier({ jwksUrl, issuer: launchTokenIssuer(), audience: applicationId });

  it("accepts a fresh token once and refuses it the second time", async () => {
    const verify = verifier();
    const token = await launch();
    expect(await verify(token)).toMatchObject({ sub: "t-1001", districtGUID: districtGuid, role: "teacher", email: "ada@springfield.test" });
    await expect(verify(token)).rejects.toThrow("Launch token refused: it was already used.");
    expect(await verify(await launch())).toMatchObject({ sub: "t-1001" });
  });

  it("refuses an expired token, another application's token and no token", async () => {
    const verify = verifier();
    const twoMinutesAgo = Math.floor(Date.now() / 1000) - 120;
    await expect(verify(await launch({ now: twoMinutesAgo }))).rejects.toThrow(/^Launch token refused: .*"exp" claim timestamp check failed/);
    await expect(verify(await launch({ audience: randomUUID() }))).rejects.toThrow(/^Launch token refused: .*"aud" claim/);
    await expect(verify(undefined)).rejects.toThrow("No launch token");
  });

  it("refuses a token signed by anyone but Rollcall", async () => {
    const { SignJWT, generateKeyPair } = await import("jose");
    const { kid } = (await publishedJwks()).jwks.keys[0]!;
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ districtGUID: districtGuid, role: "administrator" })
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer(launchTokenIssuer())
      .setAudience(applicationId)
      .setSubject("t-1001")
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime("60s")
      .sign(privateKey);
    await expect(verifier()(forged)).rejects.toThrow(/^Launch token refused: signature verification failed/);
  });
});
