/**
 * Céleste on stage, through the event's authoritative stage (server/rooms/event/StageHost.ts) on a
 * manual clock: presenting alone from her script (welcome at doors open, each product on stage and
 * pinned at its time, the drop's countdown at its cue), and co-hosting a staff presenter's show
 * (welcome, handing over, no products moved for the presenter). What she did is in the timeline.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LocalPresence } from "@colyseus/core";
import { asc, eq } from "drizzle-orm";
import { eventTimeline } from "../../server/db/schema.ts";
import { scheduleEvent } from "../../server/events/scheduling.ts";
import { StageHost } from "../../server/rooms/event/StageHost.ts";
import { stageChannels } from "../../server/rooms/event/stageChannels.ts";
import type { StageState } from "../../shared/events/stage.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { waitFor } from "../helpers/server.ts";
import { waitUntil } from "../helpers/waitUntil.ts";
import { at, createEventWorld, minutes, NECKLACE_ID, PRODUCT_ID, showBody } from "./events-fixtures.ts";

const [pglite] = databaseTargets();

describe("Céleste on the event's stage (manual clock)", () => {
  test("she presents from her script: welcome, products on stage and pinned at their times, countdown", () =>
    withDatabase(pglite as NonNullable<typeof pglite>, async (database) => {
      const world = await createEventWorld(database);
      const { clock } = world;
      const body = showBody(world.owner.id, {
        presenters: [{ kind: "host" }],
        dropId: world.dropId,
        hostScript: {
          welcome: { en: "Welcome to the evening of stars." },
          segments: [
            { productId: PRODUCT_ID, atSeconds: 0, line: { en: "First, {product}." } },
            { productId: NECKLACE_ID, atSeconds: 180, line: { en: "And now {product}." }, variant: "gold" },
          ],
          dropCountdownAtSeconds: 300,
        },
      });
      const event = await scheduleEvent(database, world.owner, { ...body, id: "celeste-show" }, clock);
      const presence = new LocalPresence();
      const seen: StageState[] = [];
      await presence.subscribe(stageChannels(event.id).stage, (s: StageState) => seen.push(s));
      const host = new StageHost(event.id, { presence, database, clock, hostName: "Céleste" });
      const latest = () => seen.at(-1);
      try {
        await host.start();
        assert.equal(latest()?.phase, "scheduled");
        assert.equal(latest()?.hostLine, null, "she is silent before the doors open");

        clock.set(at(-minutes(25))); // doors open 15 minutes before the start (T0 - 10 min)
        await waitFor(
          "the welcome",
          () => latest()?.hostLine?.line.en === "Welcome to the evening of stars.",
        );
        assert.equal(latest()?.phase, "doors_open");

        clock.set(at(-minutes(10)));
        await waitFor("the show is live", () => latest()?.phase === "live");
        // Her opening line holds the stage a few seconds before the first product's line.
        clock.advance(10_000);
        await waitFor("the first product on stage", () => latest()?.onStage?.productId === PRODUCT_ID);
        await waitFor("it is pinned", () => latest()?.pinned.includes(PRODUCT_ID) === true);
        assert.equal(latest()?.presenter, null, "no staff presenter took the stage");

        clock.set(at(-minutes(7) + 5_000));
        await waitFor(
          "the second product, in its variant",
          () => latest()?.onStage?.productId === NECKLACE_ID,
        );
        assert.equal(latest()?.onStage?.variant, "gold");
        assert.deepEqual(latest()?.pinned, [PRODUCT_ID, NECKLACE_ID]);

        clock.set(at(-minutes(5) + 5_000));
        await waitFor("the drop's countdown", () => latest()?.dropCountdownEndsAt === at(0).getTime());
        const lines = new Set(seen.flatMap((s) => (s.hostLine ? [s.hostLine.line.en] : [])));
        assert.ok(lines.has("Welcome to the evening of stars."));
        assert.ok(
          [...lines].some((l) => l.startsWith("First, ")),
          `her segment line, filled: ${[...lines].join(" | ")}`,
        );
      } finally {
        await host.stop();
      }
      const rows = await database.db
        .select({ kind: eventTimeline.kind })
        .from(eventTimeline)
        .where(eq(eventTimeline.eventId, event.id))
        .orderBy(asc(eventTimeline.tMs), asc(eventTimeline.seq));
      const kinds = new Set(rows.map((r) => r.kind));
      for (const kind of ["phase", "host_line", "stage", "pin", "drop_countdown"])
        assert.ok(kinds.has(kind as never), `the timeline keeps ${kind}`);
    }));

  test("she co-hosts a staff presenter's show: welcome, no products moved for the presenter", () =>
    withDatabase(pglite as NonNullable<typeof pglite>, async (database) => {
      const world = await createEventWorld(database);
      const { clock } = world;
      const event = await scheduleEvent(
        database,
        world.owner,
        { ...showBody(world.owner.id), id: "cohost" },
        clock,
      );
      const presence = new LocalPresence();
      const host = new StageHost(event.id, { presence, database, clock, hostName: "Céleste" });
      try {
        await host.start();
        clock.set(at(-minutes(25)));
        await waitFor("her welcome", () => host.current.hostLine !== null);
        const welcome = host.current.hostLine?.line.en ?? "";
        clock.set(at(-minutes(10)));
        await waitFor(
          "a new line at the start",
          () => (host.current.hostLine?.line.en ?? welcome) !== welcome,
        );
        assert.equal(host.current.phase, "live");
        assert.equal(host.current.onStage, null, "the presenter decides what goes on stage");
        assert.deepEqual(host.current.pinned, []);
      } finally {
        await host.stop();
      }
      await waitUntil("the timeline is written", async () => {
        const rows = await database.db
          .select()
          .from(eventTimeline)
          .where(eq(eventTimeline.eventId, "cohost"));
        return rows.some((r) => r.kind === "host_line");
      });
    }));
});
