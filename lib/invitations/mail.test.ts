// Sends through an in-process SMTP server on loopback, configured as SMTP_URL before the
// configuration is first read.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInvitationMail, deliverMail, sendInvitationMail } from "@/lib/invitations/mail";

type ReceivedMail = { from: string | false; to: string[]; data: string };
const received: ReceivedMail[] = [];

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom && session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.NEXTAUTH_URL = "https://rollcall.example.org";
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(resolve));
});

describe("invitation mail", () => {
  it("goes out over SMTP_URL from no-reply at the instance's host, with the link", async () => {
    const link = "https://rollcall.example.org/invite/rc_inv_abc";
    await expect(sendInvitationMail("kim@vendor.test", link, "Acme Learning")).resolves.toEqual({ sent: true });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "no-reply@rollcall.example.org", to: ["kim@vendor.test"] });
    expect(received[0]!.data).toContain("Subject: Your Rollcall account for Acme Learning");
    expect(received[0]!.data).toContain(link);
  });

  it("says what went wrong when the SMTP server cannot be reached", async () => {
    const mail = buildInvitationMail({ from: "Rollcall <no-reply@example.org>", to: "kim@vendor.test", link: "https://x/invite/y", organisation: "Acme" });
    const result = await deliverMail("smtp://127.0.0.1:1", mail);
    expect(result.sent).toBe(false);
    expect(result.error).toMatch(/The email could not be sent .*Check SMTP_URL/);
  });

  it("tells the recipient how long the link lasts and what to do once it has expired", () => {
    const mail = buildInvitationMail({ from: "Rollcall <no-reply@example.org>", to: "kim@vendor.test", link: "https://x/invite/y", organisation: "Acme" });
    expect(mail.text).toContain("https://x/invite/y");
    expect(mail.text).toContain("expires in 72 hours");
    expect(mail.text).toContain("ask your Rollcall operator for a new one");
  });
});
