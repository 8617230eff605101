// The production server's listener against a real PostgreSQL: SCIM requests are answered by
// lib/scim over node:http, as identity providers meet them; everything else reaches Next.js.
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_BODY_BYTES } from "@/lib/scim/http";
import { flushScimLog } from "@/lib/scim/request-log";
import { districtWithToken, entraUser } from "@/lib/scim/test-support";
import { isScimPath, webListener } from "./web-listener";

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

let server: Server;
let port: number;
const nextSaw: string[] = [];

beforeAll(async () => {
  server = createServer(
    webListener((incoming, outgoing) => {
      nextSaw.push(incoming.url ?? "");
      outgoing.writeHead(200, { "content-type": "text/plain" }).end("Next.js");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string, { body, headers = {} }: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
    });
    // An oversize body is answered before it is all sent: the server then closes the connection.
    outgoing.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    outgoing.end(body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString("utf8"));

describe("which requests take the SCIM lane", () => {
  it.each([
    ["/scim/v2", true],
    ["/scim/v2/Users", true],
    ["/scim/v2/Users?filter=userName%20eq%20%22a%22", true],
    ["/scim/v2?x=1", true],
    ["/scim/v2x/Users", false],
    ["/scim", false],
    ["/sign-in?callbackUrl=/scim/v2/Users", false],
    ["/district/identity-sync", false],
  ])("%s → %s", (url, expected) => {
    expect(isScimPath(url)).toBe(expected);
  });
});

describe("the production server's listener", () => {
  it("hands pages and other APIs to Next.js untouched", async () => {
    const answer = await send("GET", "/sign-in?callbackUrl=%2Fscim%2Fv2");
    expect(answer.body.toString()).toBe("Next.js");
    expect(nextSaw).toContain("/sign-in?callbackUrl=%2Fscim%2Fv2");
  });

  it("creates a user from Entra ID's POST, with its Location, and logs the request", async () => {
    const { token, districtId } = await districtWithToken();
    const body = JSON.stringify(entraUser("ada@lane.example"));
    const created = await send("POST", "/scim/v2/Users", {
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json; charset=utf-8", "content-length": String(Buffer.byteLength(body)) },
    });
    expect(created.status).toBe(201);
    expect(created.headers["content-type"]).toMatch(/^application\/scim\+json/);
    const user = json(created);
    expect(created.headers.location).toBe(user.meta.location);
    expect(user.userName).toBe("ada@lane.example");

    const found = await send("GET", `/scim/v2/Users?filter=${encodeURIComponent('userName eq "ADA@lane.example"')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(json(found)).toMatchObject({ totalResults: 1, Resources: [{ id: user.id }] });

    await flushScimLog();
    const log = await db().scimRequest.findMany({ where: { districtId }, orderBy: { at: "asc" } });
    expect(log.map((row) => [row.operation, row.status])).toEqual([
      ["create", 201],
      ["list", 200],
    ]);
  });

  it("answers 401 with a challenge when the token is missing, before reading anything", async () => {
    const answer = await send("GET", "/scim/v2/Users");
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe('Bearer realm="scim"');
    expect(json(answer)).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
  });

  it("refuses a body over 1 MB with the SCIM error and stores nothing", async () => {
    const { token, districtId } = await districtWithToken();
    const huge = JSON.stringify(entraUser("big@lane.example", { displayName: "x".repeat(MAX_BODY_BYTES) }));
    // Sent chunked, without a Content-Length: the limit is enforced on the bytes as they arrive.
    const answer = await send("POST", "/scim/v2/Users", {
      body: huge,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json", "transfer-encoding": "chunked" },
    });
    expect(answer.status).toBe(413);
    expect(json(answer).detail).toMatch(/larger than 1024 KB/);
    expect(answer.headers.connection).toBe("close");
    expect(await db().scimUser.count({ where: { districtId } })).toBe(0);
  });

  it("gzips a large answer for a client that accepts it, and only then", async () => {
    const { token } = await districtWithToken();
    const headers = { authorization: `Bearer ${token}` };
    const plain = await send("GET", "/scim/v2/Schemas", { headers });
    const zipped = await send("GET", "/scim/v2/Schemas", { headers: { ...headers, "accept-encoding": "gzip, deflate" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.byteLength).toBeGreaterThan(4096);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
    const { gunzipSync } = await import("node:zlib");
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);

    const small = await send("GET", "/scim/v2/ServiceProviderConfig", { headers: { ...headers, "accept-encoding": "gzip" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});
