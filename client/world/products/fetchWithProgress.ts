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
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
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
