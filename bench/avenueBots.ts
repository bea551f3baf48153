/** Bot clients that wander the avenue like people do: walk a while, turn, pause. */
import { Client } from "@colyseus/sdk";
import { AvenueState } from "../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../shared/constants.ts";

export type Bot = { room: Awaited<ReturnType<Client["joinOrCreate"]>>; timer: NodeJS.Timeout };

export async function startBots(url: string, count: number, seed = 1): Promise<Bot[]> {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const bots: Bot[] = [];
  for (let i = 0; i < count; i++) {
    const room = await new Client(url).joinOrCreate("avenue", { protocol: PROTOCOL_VERSION }, AvenueState);
    const timer = setInterval(
      () => {
        const r = random();
        if (r < 0.2) room.send("move", { dirX: 0, dirZ: 0 });
        else {
          const angle = random() * Math.PI * 2;
          room.send("move", { dirX: Math.sin(angle), dirZ: Math.cos(angle) });
        }
      },
      800 + Math.floor(random() * 800),
    );
    bots.push({ room, timer });
  }
  return bots;
}

export async function stopBots(bots: Bot[]): Promise<void> {
  for (const b of bots) {
    clearInterval(b.timer);
    await b.room.leave().catch(() => undefined);
  }
}

/** Counts the bytes one client receives over `ms` milliseconds. */
export async function measureDownstream(url: string, ms: number): Promise<number> {
  const room = await new Client(url).joinOrCreate("avenue", { protocol: PROTOCOL_VERSION }, AvenueState);
  // Node 24 gives the SDK the standard WebSocket (binaryType "arraybuffer"); `ws` has addEventListener too.
  const ws = (room.connection.transport as unknown as { ws: EventTarget }).ws;
  await new Promise((r) => setTimeout(r, 1000)); // skip the full-state burst at join
  let bytes = 0;
  ws.addEventListener("message", (event) => {
    const data = (event as MessageEvent).data as ArrayBuffer | Buffer | string;
    bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
  });
  await new Promise((r) => setTimeout(r, ms));
  await room.leave();
  return (bytes / ms) * 1000;
}
