/**
 * Sends one webhook POST to a brand, connecting only to an address that was checked.
 *
 * Checking the URL and then calling `fetch` resolves the name twice: a name with a short TTL can
 * answer a public address to the check and 127.0.0.1 to the connection (DNS rebinding). Here the
 * socket's own lookup refuses internal addresses, so the address checked is the address dialled.
 */
import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { DeliveryFetch } from "./orderWebhooks.ts";
import { isInternalAddress, requirePublicWebhookUrl } from "./webhookAddress.ts";

type BaseLookup = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemLookup: BaseLookup = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/** A socket lookup that fails with `EWEBHOOKINTERNAL` when any address of the name is internal. */
export function publicOnlyLookup(base: BaseLookup = systemLookup): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const internal = addresses.find((a) => isInternalAddress(a.address));
      if (internal || addresses.length === 0) {
        const refused: NodeJS.ErrnoException = new Error(
          `The webhook's host ${hostname} resolves to ${internal?.address ?? "nothing"}, not a public address.`,
        );
        refused.code = "EWEBHOOKINTERNAL";
        return callback(refused, "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

export type WebhookPostOptions = { timeoutMs?: number; lookup?: LookupFunction };

/** POSTs `init.body` to `url` without following redirects; answers the status, or throws. */
export function postWebhook(
  url: string,
  init: Parameters<DeliveryFetch>[1],
  { timeoutMs = 10_000, lookup = publicOnlyLookup() }: WebhookPostOptions = {},
): Promise<{ status: number }> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: init.method,
        headers: { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) },
        lookup,
        timeout: timeoutMs,
      },
      (response) => {
        // The answer's body is not read: only the status counts (a redirect is a failed delivery).
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    request.on("timeout", () =>
      request.destroy(new Error(`The webhook did not answer within ${timeoutMs} ms.`)),
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

/** The production delivery: the URL checked (clear refusal), then posted through the pinned lookup. */
export const defaultDeliveryFetch: DeliveryFetch = async (url, init) => {
  await requirePublicWebhookUrl(url);
  return postWebhook(url, init);
};
