/**
 * Polls `probe` every 250 ms until it gives a truthy value, and returns it; fails naming `what`
 * after `timeoutMs`. End-to-end tests wait this way because software rendering is slow and uneven.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 240_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
