/**
 * Outgoing mail. With `SMTP_URL` set, nodemailer sends through that server; without it, each message
 * is written as a standard .eml file (RFC 5322, CRLF line ends) into the outbox folder
 * (`MAIL_OUTBOX_DIR`, by default DATA_DIR/outbox), which any mail client opens, so a fresh machine
 * shows exactly what would have been sent. Files are written under a temporary name and renamed, so
 * a reader never sees half a message.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** Shown before the platform's address, e.g. "Aubrelle Joaillerie via Vitrine". */
  fromName?: string;
  /** Extra headers, e.g. `X-Vitrine-Message-Id`. */
  headers?: Record<string, string>;
};

export type SentMail = { transport: "smtp" | "outbox"; messageId: string; file: string | null };

export type Mailer = {
  transport: "smtp" | "outbox";
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
};

export type MailerOptions = {
  smtpUrl?: string;
  outboxDir: string;
  /** The platform's sender address, `Name <address>` or a bare address. */
  from: string;
};

/** The sender of a message: the maison's name with the platform's address. */
function fromOf(options: MailerOptions, fromName: string | undefined) {
  const address = /<([^>]+)>/.exec(options.from)?.[1] ?? options.from;
  return fromName ? { name: fromName, address } : options.from;
}

/** A mailer for the configuration: SMTP when a URL is given, the .eml outbox otherwise. */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      transport: "smtp",
      send: async (message) => {
        const info = await transporter.sendMail({
          from: fromOf(options, message.fromName),
          to: message.to,
          subject: message.subject,
          text: message.text,
          headers: message.headers,
        });
        return { transport: "smtp", messageId: info.messageId, file: null };
      },
      close: () => transporter.close(),
    };
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    transport: "outbox",
    send: async (message) => {
      const info = await transporter.sendMail({
        from: fromOf(options, message.fromName),
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: message.headers,
      });
      await mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(6).toString("hex")}.eml`;
      const file = path.join(options.outboxDir, name);
      const temporary = `${file}.tmp`;
      await writeFile(temporary, info.message as Buffer);
      await rename(temporary, file);
      return { transport: "outbox", messageId: info.messageId, file };
    },
    close: () => transporter.close(),
  };
}
