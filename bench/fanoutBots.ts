/**
 * One bot process of the fan-out bench (bench/fanout.ts forks several): `count` headless Colyseus SDK
 * clients that join an open event's audience as guests (`event_audience`, through the server
 * addresses given, in turn, so matchmaking goes through both processes), and note when each stage
 * version first reaches them (epoch ms, sub-millisecond: `performance.timeOrigin + now()`, one clock
 * for every process of the machine) and every byte they receive. A share of them (`walkers`) keeps
 * walking on the audience floor, as a crowd does. Talks to its parent over IPC:
 * - sends `{ joined, shards }` once every bot is in;
 * - on `{ start: true }` counts bytes from then on; on `{ finish: { sentAt } }` (stage version →
 *   when the presenter sent the action that made it) answers `{ latencies, worst, missing, bytes,
 *   ms }`: one latency per viewer per action, each action's latest arrival among these viewers, the
 *   (viewer, action) pairs that never arrived, and the bytes received over the `ms` of the window;
 * - on `{ stop: true }` leaves everyone and exits.
 */
import { Client, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION } from "../shared/constants.ts";
import { AudienceState, EVENT_AUDIENCE_ROOM } from "../shared/events/audienceRoom.ts";

const [urlsArg, countArg, eventId, walkersArg, seedArg] = process.argv.slice(2);
if (!urlsArg || !countArg || !eventId)
  throw new Error("usage: fanoutBots.ts <url,url> <count> <eventId> [walkers 0..1] [seed]");
const urls = urlsArg.split(",");
const count = Number(countArg);
const walkers = Number(walkersArg ?? 0);

let seed = Number(seedArg ?? 1) >>> 0;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const epochNow = () => performance.timeOrigin + performance.now();

type Bot = { room: Room; arrivals: Map<number, number>; bytes: number };
const bots: Bot[] = [];
const timers: NodeJS.Timeout[] = [];
let counting = false;

async function join(url: string): Promise<Room> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Client(url).joinOrCreate(
        EVENT_AUDIENCE_ROOM,
        { protocol: PROTOCOL_VERSION, eventId },
        AudienceState,
      );
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

for (let i = 0; i < count; i++) {
  // One after the other, as people arrive: the matchmaker fills a shard before opening the next.
  const room = await join(urls[i % urls.length] as string);
  const bot: Bot = { room, arrivals: new Map(), bytes: 0 };
  room.onMessage("stage", (m: { stage: { version: number } }) => {
    if (!bot.arrivals.has(m.stage.version)) bot.arrivals.set(m.stage.version, epochNow());
  });
  room.onMessage("*", () => undefined); // welcome, chat lines, the stage channel: heard, not read
  const ws = (room.connection.transport as unknown as { ws: EventTarget }).ws;
  ws.addEventListener("message", (event) => {
    if (!counting) return;
    const data = (event as MessageEvent).data as ArrayBuffer | Buffer | string;
    bot.bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
  });
  if (random() < walkers) {
    const walk = () => {
      const angle = random() * Math.PI * 2;
      const still = random() < 0.3;
      room.send("move", still ? { dirX: 0, dirZ: 0 } : { dirX: Math.sin(angle), dirZ: Math.cos(angle) });
    };
    walk();
    timers.push(setInterval(walk, 1500 + Math.floor(random() * 1500)));
  }
  bots.push(bot);
}
process.send?.({ joined: bots.length, shards: [...new Set(bots.map((b) => b.room.roomId))] });

let startedAt = 0;
process.on(
  "message",
  async (message: { start?: boolean; finish?: { sentAt: Record<string, number> }; stop?: boolean }) => {
    if (message.start) {
      for (const bot of bots) bot.bytes = 0;
      startedAt = epochNow();
      counting = true;
    }
    if (message.finish) {
      counting = false;
      const ms = epochNow() - startedAt;
      const latencies: number[] = [];
      const worst: Record<string, number> = {};
      let missing = 0;
      for (const bot of bots)
        for (const [version, sentAt] of Object.entries(message.finish.sentAt)) {
          const arrived = bot.arrivals.get(Number(version));
          if (arrived === undefined) {
            missing += 1;
            continue;
          }
          latencies.push(arrived - sentAt);
          worst[version] = Math.max(worst[version] ?? 0, arrived - sentAt);
        }
      const bytes = bots.reduce((sum, b) => sum + b.bytes, 0);
      process.send?.({ latencies, worst, missing, bytes, ms, viewers: bots.length });
    }
    if (message.stop) {
      for (const t of timers) clearInterval(t);
      await Promise.all(bots.map((b) => b.room.leave().catch(() => undefined)));
      process.exit(0);
    }
  },
);
