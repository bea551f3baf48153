/** An answer that was not 2xx: its status says whether trying again could help. */
export class HttpError extends Error {
  readonly status: number;
  constructor(url: string, status: number) {
    super(`${url} answered HTTP ${status}`);
    this.name = "HttpError";
    this.status = status;
  }
}

/** Gives up on a download when no byte has arrived for this long. */
const STALL_TIMEOUT_MS = 30_000;

/**
 * Downloads a file as a stream, calling `onBytes` with the running total after every chunk, so the
 * loading screen shows real byte progress. Rejects on an HTTP error or a stalled stream.
 */
export async function fetchWithProgress(
  url: string,
  onBytes: (received: number) => void,
): Promise<ArrayBuffer> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), STALL_TIMEOUT_MS);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), STALL_TIMEOUT_MS);
  };
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new HttpError(url, response.status);
    if (!response.body) {
      const whole = await response.arrayBuffer();
      onBytes(whole.byteLength);
      return whole;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      touch();
      onBytes(received);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes.buffer;
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads that stalled or met a network error are tried this many times in all. */
const DOWNLOAD_ATTEMPTS = 4;

/**
 * fetchWithProgress, tried again after a pause when the failure may pass: a stalled stream, a
 * dropped connection or a 5xx (on a busy laptop or server they do, and a piece that stays
 * "failed" until the page is reloaded is worse than a late one). A 4xx will not change: it fails
 * at once. Progress starts again from zero on each attempt.
 */
export async function fetchWithRetries(
  url: string,
  onBytes: (received: number) => void,
  /** Waits between attempts (tests pass their own clock). */
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ArrayBuffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      onBytes(0);
      return await fetchWithProgress(url, onBytes);
    } catch (error) {
      if (attempt >= DOWNLOAD_ATTEMPTS || !isTransient(error)) throw error;
      console.info(`Vitrine: trying ${url} again (attempt ${attempt + 1})`, error);
      await pause(1000 * 2 ** (attempt - 1));
    }
  }
}

function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return error.status >= 500;
  return error instanceof Error && (error.name === "AbortError" || error.name === "TypeError");
}
