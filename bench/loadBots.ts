/**
 * One bot process of the load harness (bench/load.ts forks several, pinned away from the server's
 * core): `count` headless Colyseus SDK clients that join the avenue as guests, then keep walking
 * (a new direction every 0.8–1.6 s, never standing, so every avatar moves) and now and then say a
 * line in the nearby chat. Talks to its parent over IPC: `{ joined }` once every bot is in, then
 * stops and leaves everyone on `{ stop: true }`.
 */
import { Client } from "@colyseus/sdk";
import { AvenueState } from "../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../shared/constants.ts";

const [url, countArg, seedArg, chatEveryArg] = process.argv.slice(2);
if (!url || !countArg) throw new Error("usage: loadBots.ts <url> <count> [seed] [chatEverySeconds]");
const count = Number(countArg);
/** Mean seconds between two chat lines of one bot (0: no chat). */
const chatEverySeconds = Number(chatEveryArg ?? 60);

let seed = Number(seedArg ?? 1) >>> 0;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

type Room = Awaited<ReturnType<Client["joinOrCreate"]>>;
const rooms: Room[] = [];
const timers: NodeJS.Timeout[] = [];

function walk(room: Room): void {
  const angle = random() * Math.PI * 2;
  room.send("move", { dirX: Math.sin(angle), dirZ: Math.cos(angle) });
}

const LINES = ["Bonsoir !", "Where is the new collection?", "Lovely windows tonight", "Hello"];

/** Joins the avenue, trying again like a person would when a busy server drops the request. */
async function join(): Promise<Room> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Client(url as string).joinOrCreate(
        "avenue",
        { protocol: PROTOCOL_VERSION },
        AvenueState,
      );
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

for (let i = 0; i < count; i++) {
  // Joined one after the other, as people arrive: the matchmaker fills a shard before the next.
  const room = await join();
  room.onMessage("*", () => undefined); // chat lines and the host's: heard, not read
  rooms.push(room);
  walk(room);
  timers.push(setInterval(() => walk(room), 800 + Math.floor(random() * 800)));
  if (chatEverySeconds > 0) {
    const say = () => {
      room.send("chat", { text: LINES[Math.floor(random() * LINES.length)], channel: "nearby", lang: "en" });
      timers.push(setTimeout(say, chatEverySeconds * 1000 * (0.5 + random())));
    };
    timers.push(setTimeout(say, chatEverySeconds * 1000 * random()));
  }
}
process.send?.({ joined: rooms.length });

process.on("message", async (message: { stop?: boolean }) => {
  if (!message.stop) return;
  for (const t of timers) clearTimeout(t);
  await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
  process.exit(0);
});
