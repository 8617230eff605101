// SFTP sign-in while the operator suspends the tenant, through the real server on loopback:
// a suspended district's account and a suspended vendor's outbox are refused, and let in on resume.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startSftpServer, type RunningSftpServer } from "@/lib/sftp/server";
import { applicationWithOutboxKey, connect, districtWithSftpKey, useTemporaryDataDir } from "@/lib/sftp/test-support";

useTemporaryDataDir();

let server: RunningSftpServer;

beforeAll(async () => {
  server = await startSftpServer({ port: 0, host: "127.0.0.1", maxUploadBytes: 64 * 1024 });
});
afterAll(() => server.close());

describe("SFTP sign-in of a suspended tenant", () => {
  it("refuses a suspended district's account until it is resumed", async () => {
    const district = await districtWithSftpKey("Suspended Unified");
    await db().district.update({ where: { id: district.districtId }, data: { suspendedAt: new Date() } });
    await expect(connect(server.port, district.username, district.privateKey)).rejects.toThrow(/authentication methods failed/);

    await db().district.update({ where: { id: district.districtId }, data: { suspendedAt: null } });
    const client = await connect(server.port, district.username, district.privateKey);
    await client.end();
  });

  it("refuses a suspended vendor's outbox until it is resumed", async () => {
    const outbox = await applicationWithOutboxKey();
    const { vendorId } = await db().application.findUniqueOrThrow({ where: { id: outbox.applicationId }, select: { vendorId: true } });
    await db().vendor.update({ where: { id: vendorId }, data: { suspendedAt: new Date() } });
    await expect(connect(server.port, outbox.username, outbox.privateKey)).rejects.toThrow(/authentication methods failed/);

    await db().vendor.update({ where: { id: vendorId }, data: { suspendedAt: null } });
    const client = await connect(server.port, outbox.username, outbox.privateKey);
    await client.end();
  });
});
