/**
 * A brand's webhook may only point at the public internet (issue 10): an address that resolves to
 * loopback, a private network, link-local (169.254.169.254 is the cloud metadata service), CGNAT,
 * multicast or the unspecified address would let a brand make our server call inside our own
 * network. Checked when the URL is saved, and again at each delivery (DNS may have changed since).
 */
import { lookup } from "node:dns/promises";
import net from "node:net";
import { ErrorCode } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";

const FORBIDDEN = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  FORBIDDEN.addSubnet(prefix, bits, "ipv4");
}
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  FORBIDDEN.addSubnet(prefix, bits, "ipv6");
}

/** Whether an IP address is one a webhook may not reach. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isInternalAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 0) return true;
  return FORBIDDEN.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveWithDns: Resolve = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/**
 * @throws DomainError 400 `validation_failed` on `url` when it is not http(s), cannot be resolved,
 * or any of its addresses is internal.
 */
export async function requirePublicWebhookUrl(url: string, resolve: Resolve = resolveWithDns): Promise<void> {
  const refuse = (message: string) =>
    new DomainError(ErrorCode.validation, message, [{ path: "url", message }]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse("The webhook must be an http:// or https:// URL.");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw refuse("The webhook must be an http:// or https:// URL.");
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await resolve(host);
  } catch {
    throw refuse(`The webhook's host ${host} cannot be resolved.`);
  }
  if (addresses.length === 0) throw refuse(`The webhook's host ${host} cannot be resolved.`);
  const internal = addresses.find(isInternalAddress);
  if (internal) {
    throw refuse(
      `The webhook's host ${host} resolves to ${internal}, an internal address; use a public address.`,
    );
  }
}
