/**
 * The mailer both ways: without SMTP_URL a standard .eml lands in the outbox folder; with it, the
 * message goes through SMTP (here a minimal in-process SMTP listener speaking just enough of RFC 5321
 * to receive one message, since no SMTP server package is installed).
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { createMailer } from "../../server/mail/mailer.ts";
import { parseEml } from "./clienteling-eml.ts";

const MESSAGE = {
  to: "ines@example.test",
  subject: "Rappel : Brévanne, 10 juin",
  text: "Votre rendez-vous.\n\nÀ bientôt.",
  fromName: "Brévanne Genève via Vitrine",
};

/** Accepts one message and resolves with its DATA (dot-unstuffed) and envelope. */
function smtpListener(): { server: Server; received: Promise<{ from: string; to: string; data: Buffer }> } {
  let resolve: (value: { from: string; to: string; data: Buffer }) => void = () => {};
  const received = new Promise<{ from: string; to: string; data: Buffer }>((r) => {
    resolve = r;
  });
  const server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    const envelope = { from: "", to: "" };
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const data = Buffer.from(buffer.slice(0, end + 2).replace(/\r\n\.\./g, "\r\n."), "latin1");
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write("250 queued\r\n");
          resolve({ ...envelope, data });
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "MAIL") envelope.from = line;
        if (verb === "RCPT") envelope.to = line;
        if (verb === "DATA") inData = true;
        const replies: Record<string, string> = {
          EHLO: "250-test\r\n250 8BITMIME\r\n",
          HELO: "250 test\r\n",
          DATA: "354 go on\r\n",
        };
        if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write(replies[verb] ?? "250 ok\r\n");
      }
    });
  });
  return { server, received };
}

test("without SMTP_URL: one parseable .eml per message in the outbox, written whole", async () => {
  const outboxDir = await mkdtemp(path.join(tmpdir(), "vitrine-mail-"));
  try {
    const mailer = createMailer({ outboxDir, from: "Vitrine <no-reply@vitrine.invalid>" });
    const sent = await mailer.send(MESSAGE);
    assert.equal(sent.transport, "outbox");
    const files = await readdir(outboxDir);
    assert.deepEqual(files, [path.basename(sent.file as string)], "no temporary file left");
    const eml = parseEml(await readFile(sent.file as string));
    assert.equal(eml.headers.get("subject"), MESSAGE.subject);
    assert.equal(eml.headers.get("to"), MESSAGE.to);
    assert.equal(eml.headers.get("from"), "Brévanne Genève via Vitrine <no-reply@vitrine.invalid>");
    assert.equal(eml.headers.get("message-id"), sent.messageId);
    assert.equal(eml.text.replace(/\r\n/g, "\n").trimEnd(), MESSAGE.text);
    mailer.close();
  } finally {
    await rm(outboxDir, { recursive: true, force: true });
  }
});

test("with SMTP_URL: the same message through an SMTP round trip", async () => {
  const { server, received } = smtpListener();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  try {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      outboxDir: "/nonexistent",
      from: "Vitrine <no-reply@vitrine.invalid>",
    });
    const sent = await mailer.send(MESSAGE);
    assert.equal(sent.transport, "smtp");
    const message = await received;
    assert.match(message.from, /no-reply@vitrine\.invalid/);
    assert.match(message.to, /ines@example\.test/);
    const eml = parseEml(message.data);
    assert.equal(eml.headers.get("subject"), MESSAGE.subject);
    assert.equal(eml.text.replace(/\r\n/g, "\n").trimEnd(), MESSAGE.text);
    mailer.close();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
