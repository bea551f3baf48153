/**
 * The drops bench's HTTP clients, in their own process (bench/drops.ts forks it), so that sending
 * and reading the requests does not take the server's thread: what is timed is the server's claim
 * path, as a crowd of browsers would meet it. Talks to its parent over IPC: receives one
 * `RushOrder`, answers one `RushReport` (or `{ error }`), and exits.
 */
export type RushOrder = {
  url: string;
  /** Session cookie of each account, by account index. */
  cookies: string[];
  /** Attempt indices [from, from + count): attempt i uses account (i * 7919) % cookies.length. */
  from: number;
  count: number;
  inFlight: number;
};

export type RushReport = { latencies: number[]; granted: number; seconds: number };

/** Runs the order: `inFlight` requests at a time, each timed from send to the last byte read. */
export async function runRush(order: RushOrder): Promise<RushReport> {
  const accounts = order.cookies.length;
  const latencies: number[] = [];
  let granted = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < order.count) {
      const i = order.from + next++;
      const account = (i * 7_919) % accounts;
      const t0 = performance.now();
      const res = await fetch(order.url, {
        method: "POST",
        headers: {
          cookie: order.cookies[account] as string,
          "Idempotency-Key": `bench-claim-${i}`,
          // One address per account, as a crowd has: the per-address limit is not what is measured.
          "X-Forwarded-For": `10.${account >> 8}.${account & 255}.9`,
        },
      });
      await res.arrayBuffer();
      if (res.status !== 201 && res.status !== 409 && res.status !== 403) {
        throw new Error(`unexpected answer ${res.status}`);
      }
      if (res.status === 201) granted += 1;
      latencies.push(performance.now() - t0);
    }
  };
  const failed = (await Promise.allSettled(Array.from({ length: order.inFlight }, worker))).find(
    (r) => r.status === "rejected",
  );
  if (failed) throw failed.reason;
  return { latencies, granted, seconds: (performance.now() - started) / 1000 };
}

if (process.send) {
  process.once("message", (order: RushOrder) => {
    runRush(order).then(
      (report) => process.send?.(report, () => process.exit(0)),
      (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
    );
  });
}
