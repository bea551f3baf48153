/** Reads an .eml file as a mail client would: unfolded, decoded headers and the decoded text body. */

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) => {
      if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
      return decodeQuotedPrintable(text.replace(/_/g, " "));
    });
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const clean = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < clean.length; i++) {
    const hex = clean.slice(i + 1, i + 3);
    if (clean[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(clean[i] as string, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Headers (lowercased names) and the text body of a single-part message. */
export function parseEml(raw: Buffer): { headers: Map<string, string>; text: string } {
  const source = raw.toString("latin1");
  const split = source.indexOf("\r\n\r\n");
  if (split < 0) throw new Error("no blank line between headers and body: not an RFC 5322 message with CRLF");
  const headers = new Map<string, string>();
  for (const line of source
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(
      line.slice(0, colon).toLowerCase(),
      decodeWords(Buffer.from(line.slice(colon + 1).trim(), "latin1").toString("utf8")),
    );
  }
  const body = source.slice(split + 4);
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, "latin1").toString("utf8");
  return { headers, text };
}
