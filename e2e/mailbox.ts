// The SMTP server the browser tests' Rollcall sends mail to (SMTP_URL in playwright.config.ts):
// a journey opens it on that port, on loopback, and reads what arrives.
import { SMTPServer } from "smtp-server";

export const MAILBOX_PORT = Number(process.env.E2E_PORT ?? 3100) + 21_000;

export type ReceivedMail = { to: string[]; text: string };

export class Mailbox {
  readonly received: ReceivedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        this.received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), text: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });

  async open(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once("error", reject);
      this.server.listen(MAILBOX_PORT, "127.0.0.1", resolve);
    });
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }

  /** The message sent to this address, once it has arrived. */
  mailTo(address: string): ReceivedMail | undefined {
    return this.received.find((mail) => mail.to.includes(address));
  }
}

/** The one-time invitation link in a mail's plain text (quoted-printable soft breaks undone). */
export function invitationLinkIn(mail: ReceivedMail): string {
  const text = mail.text.replace(/=\r?\n/g, "");
  const link = text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`No invitation link in the mail:\n${text}`);
  return link;
}
