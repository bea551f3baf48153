import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TEST_SCRIPT, testWorld } from "../../tests/fixtures/host-world.ts";
import {
  createHostBrain,
  GREET_INTERVAL_MS,
  GREET_RADIUS,
  type HostBrain,
  type HostLineEvent,
  type HostVisitor,
  type LiveEventFact,
  lineDuration,
  MIN_LINE_GAP_MS,
  TOUR_LAG_RADIUS,
  TOUR_WAIT_GIVE_UP_MS,
  type UpcomingDrop,
} from "./hostBrain.ts";
import { requestPresent, requestTour } from "./hostRequests.ts";
import { stepHost } from "./hostSim.ts";
import { HostAnim } from "./hostState.ts";
import type { HostWorld } from "./hostWorld.ts";
import { lineTokens, renderLine } from "./lineTokens.ts";

const T0 = Date.parse("2030-01-01T12:00:00Z");
const DT = 0.1;

/** A controllable clock driving the fixed step. */
class Sim {
  readonly world: HostWorld;
  readonly brain: HostBrain;
  now = T0;
  visitors: HostVisitor[] = [];
  drops: UpcomingDrop[] = [];
  liveEvents: LiveEventFact[] = [];
  readonly said: (HostLineEvent & { at: number })[] = [];

  constructor(world: HostWorld = testWorld()) {
    this.world = world;
    this.brain = createHostBrain(world);
  }

  step(): void {
    const events = stepHost(this.brain, this.world, {
      nowMs: this.now,
      dt: DT,
      visitors: this.visitors,
      drops: this.drops,
      liveEvents: this.liveEvents,
      announceLeadMs: TEST_SCRIPT.schedule.announceLeadMinutes * 60_000,
      announceEveryMs: TEST_SCRIPT.schedule.announceEveryMinutes * 60_000,
    });
    for (const e of events) this.said.push({ ...e, at: this.now });
    this.now += DT * 1000;
  }

  /** Runs for `ms` of simulated time; `each` runs before every step (to move visitors). */
  run(ms: number, each?: () => void): void {
    const end = this.now + ms;
    while (this.now < end) {
      each?.();
      this.step();
    }
  }

  runUntil(what: string, predicate: () => boolean, maxMs: number, each?: () => void): void {
    const end = this.now + maxMs;
    while (!predicate()) {
      if (this.now >= end) assert.fail(`${what} did not happen within ${maxMs} ms of simulated time`);
      each?.();
      this.step();
    }
  }
}

const dist = (a: { x: number; z: number }, b: { x: number; z: number }) => Math.hypot(a.x - b.x, a.z - b.z);

describe("host simulation (controllable clock)", () => {
  test("patrols between its points of interest, walking and dwelling, and is deterministic", () => {
    const sim = new Sim();
    const visited: string[] = [];
    let last = -1;
    sim.run(120_000, () => {
      const poi = sim.world.pois[sim.brain.patrolIndex];
      if (poi && sim.brain.dwellUntil > 0 && last !== sim.brain.patrolIndex) {
        last = sim.brain.patrolIndex;
        assert.ok(dist(sim.brain, poi) < 0.5, `stands at ${poi.id} while dwelling`);
        visited.push(poi.id);
      }
    });
    // Every point, in order, more than once in two minutes.
    assert.deepEqual(visited.slice(0, 4), ["north", "aurel", "temps", "north"]);
    assert.equal(sim.brain.mode, "patrol");
    assert.equal(sim.said.length, 0, "nobody around: the host says nothing");

    const again = new Sim();
    again.run(120_000);
    assert.equal(again.brain.x, sim.brain.x, "same inputs, same position");
    assert.equal(again.brain.z, sim.brain.z);
  });

  test("walks with the walk animation and stays on the walkable avenue", () => {
    const sim = new Sim();
    let walked = false;
    sim.run(30_000, () => {
      if (sim.brain.anim === HostAnim.walk) walked = true;
      const b = sim.world.layout.bounds;
      assert.ok(
        sim.brain.x >= b.minX && sim.brain.x <= b.maxX && sim.brain.z >= b.minZ && sim.brain.z <= b.maxZ,
      );
    });
    assert.ok(walked);
  });

  test("greets a visitor who comes near by name, once per interval, with a wave", () => {
    const sim = new Sim();
    const ana: HostVisitor = { id: "s-ana", name: "Ana", x: sim.brain.x + 20, z: sim.brain.z };
    sim.visitors = [ana];
    sim.run(3000);
    assert.equal(sim.said.length, 0, "not greeted from 20 m");

    // Ana walks up to the host and stays with it.
    const follow = () => {
      ana.x = sim.brain.x + 2;
      ana.z = sim.brain.z;
    };
    sim.runUntil("a greeting", () => sim.said.length > 0, 2000, follow);
    const greeting = sim.said[0];
    assert.equal(greeting?.kind, "greet");
    assert.equal(greeting?.to, "s-ana");
    assert.match(greeting?.line.en ?? "", /Ana/);
    assert.match(greeting?.line.fr ?? "", /Ana/, "every locale names her");
    assert.equal(sim.brain.anim, HostAnim.wave);

    // Staying close for five minutes: no second greeting.
    sim.run(5 * 60_000, follow);
    assert.equal(sim.said.filter((l) => l.kind === "greet").length, 1);

    // Signed-in people are remembered as persons: a new session (a reload) is not greeted again.
    const ben: HostVisitor = {
      id: "s-ben-1",
      name: "Ben",
      x: sim.brain.x + 2,
      z: sim.brain.z,
      person: "user-ben",
    };
    sim.visitors = [ana, ben];
    const benFollows = () => {
      follow();
      ben.x = sim.brain.x - 2;
      ben.z = sim.brain.z;
    };
    sim.runUntil("Ben greeted", () => sim.said.some((l) => l.to === "s-ben-1"), 20_000, benFollows);
    ben.id = "s-ben-2";
    sim.run(60_000, benFollows);
    assert.equal(sim.said.filter((l) => l.kind === "greet" && l.line.en.includes("Ben")).length, 1);

    // After the interval she is greeted again.
    sim.run(GREET_INTERVAL_MS, follow);
    assert.equal(sim.said.filter((l) => l.kind === "greet" && l.to === "s-ana").length, 2);
  });

  test("never spams: a crowd arriving at once is greeted one line at a time, at least the minimum gap apart", () => {
    const sim = new Sim();
    sim.run(100);
    sim.visitors = Array.from({ length: 12 }, (_, i) => ({
      id: `s-${i}`,
      name: `Guest ${i}`,
      x: sim.brain.x + 1 + (i % 4) * 0.5,
      z: sim.brain.z + Math.floor(i / 4) * 0.5,
    }));
    const crowd = () => {
      sim.visitors.forEach((v, i) => {
        v.x = sim.brain.x + 1 + (i % 4) * 0.5;
        v.z = sim.brain.z + Math.floor(i / 4) * 0.5;
      });
    };
    sim.run(30_000, crowd);
    const greets = sim.said.filter((l) => l.kind === "greet");
    assert.ok(
      greets.length >= 3 && greets.length <= 30_000 / MIN_LINE_GAP_MS + 1,
      `${greets.length} greetings`,
    );
    for (let i = 1; i < sim.said.length; i++) {
      const gap = (sim.said[i]?.at ?? 0) - (sim.said[i - 1]?.at ?? 0);
      assert.ok(gap >= MIN_LINE_GAP_MS, `lines ${i - 1} and ${i} are ${gap} ms apart`);
      const previous = sim.said[i - 1];
      assert.ok(previous && gap >= lineDuration(previous.line), "a line is never cut off by the next");
    }
    assert.equal(new Set(greets.map((g) => g.to)).size, greets.length, "nobody greeted twice");
  });

  test("a guided tour walks its route, presents each stop with its product card and line, then ends", () => {
    const sim = new Sim();
    const ana: HostVisitor = { id: "s-ana", name: "Ana", x: sim.brain.x + 1, z: sim.brain.z };
    sim.visitors = [ana];
    const keepUp = () => {
      ana.x = sim.brain.x + 1.5;
      ana.z = sim.brain.z;
    };
    assert.equal(requestTour(sim.brain, sim.world, "s-ana", sim.now), "started");
    const tour = sim.world.tours[0];
    assert.ok(tour);
    const presented: string[] = [];
    sim.runUntil(
      "the tour's end",
      () => sim.brain.tour === null,
      180_000,
      () => {
        keepUp();
        const id = sim.brain.presentingProductId;
        if (id && presented.at(-1) !== id) {
          presented.push(id);
          const stop = tour.stops[presented.length - 1];
          assert.ok(stop);
          assert.ok(dist(sim.brain, stop) < 0.5, "presents from the stop");
          assert.equal(sim.brain.anim, HostAnim.present);
          assert.equal(sim.brain.mode, "tour");
        }
      },
    );
    assert.deepEqual(presented, ["aurel-lune", "temps-minuit"]);
    const lines = sim.said.filter((l) => l.kind === "tour").map((l) => l.line.en);
    assert.equal(lines[0], "Follow me for the short tour.");
    assert.ok(lines.includes("Here is Lune Ring: {{price:450000:EUR}}."));
    assert.equal(renderLine("{{price:2150000:CHF}}", "fr", sim.now).replace(/\s/g, " "), "21 500 CHF");
    assert.equal(lines.at(-1), "That was the short tour.");
    assert.equal(sim.brain.presentingProductId, "");
    assert.equal(sim.brain.mode, "patrol");
  });

  test("a tour waits for a follower who falls behind, goes on when they catch up, and gives up after a while", () => {
    const sim = new Sim();
    const ana: HostVisitor = { id: "s-ana", name: "Ana", x: sim.brain.x, z: sim.brain.z };
    const ben: HostVisitor = { id: "s-ben", name: "Ben", x: sim.brain.x, z: sim.brain.z };
    sim.visitors = [ana, ben];
    requestTour(sim.brain, sim.world, "s-ana", sim.now);
    assert.equal(requestTour(sim.brain, sim.world, "s-ben", sim.now), "joined");
    const anaKeepsUp = () => {
      ana.x = sim.brain.x + 1;
      ana.z = sim.brain.z;
    };
    // Ben stays where he is: once the host is TOUR_LAG_RADIUS away, it stops and waits.
    sim.runUntil("waiting for Ben", () => sim.brain.tour?.phase === "waiting", 60_000, anaKeepsUp);
    assert.ok(dist(sim.brain, ben) > TOUR_LAG_RADIUS);
    const waitLine = sim.said.at(-1);
    assert.equal(waitLine?.line.en, "Let's wait for Ben.");
    const waitingAt = { x: sim.brain.x, z: sim.brain.z };
    sim.run(5000, anaKeepsUp);
    assert.equal(sim.brain.tour?.phase, "waiting");
    assert.deepEqual({ x: sim.brain.x, z: sim.brain.z }, waitingAt, "stands still while waiting");

    // Ben catches up: the tour goes on.
    ben.x = sim.brain.x - 2;
    ben.z = sim.brain.z;
    sim.run(300, anaKeepsUp);
    assert.equal(sim.brain.tour?.phase, "walking");

    // Ben wanders off and never comes back: after the give-up time the host carries on without him.
    ben.x = sim.brain.x;
    ben.z = sim.brain.z + 30;
    sim.runUntil("waiting again", () => sim.brain.tour?.phase === "waiting", 1000, anaKeepsUp);
    const since = sim.now;
    sim.runUntil(
      "giving up",
      () => sim.brain.tour?.phase !== "waiting",
      TOUR_WAIT_GIVE_UP_MS + 1000,
      anaKeepsUp,
    );
    assert.ok(sim.now - since >= TOUR_WAIT_GIVE_UP_MS);
    assert.equal(sim.said.at(-1)?.line.en, "We carry on; Ben will catch up.");
    assert.equal(sim.brain.tour?.followers.has("s-ben"), false);
    assert.equal(sim.brain.tour?.followers.has("s-ana"), true, "Ana still follows");
  });

  test("a tour whose last follower leaves ends", () => {
    const sim = new Sim();
    sim.visitors = [{ id: "s-ana", name: "Ana", x: sim.brain.x, z: sim.brain.z }];
    requestTour(sim.brain, sim.world, "s-ana", sim.now);
    sim.run(1000);
    sim.visitors = [];
    sim.step();
    assert.equal(sim.brain.tour, null);
    assert.equal(sim.brain.mode, "patrol");
  });

  test("presents a product: walks to it, points, opens its card and says its line", () => {
    const sim = new Sim();
    assert.equal(requestPresent(sim.brain, sim.world, "not-a-product", sim.now), false);
    assert.equal(requestPresent(sim.brain, sim.world, "verre-bleu", sim.now), true);
    const spot = sim.world.products.get("verre-bleu")?.spot;
    assert.ok(spot);
    let pointed = false;
    sim.runUntil(
      "the presentation",
      () => sim.brain.presentingProductId === "verre-bleu",
      60_000,
      () => {
        if (sim.brain.anim === HostAnim.point) {
          pointed = true;
          assert.ok(dist(sim.brain, spot) < 0.5, "points from in front of the piece");
        }
      },
    );
    assert.ok(pointed, "pointed before presenting");
    assert.deepEqual({ x: sim.brain.lookAt.x, z: sim.brain.lookAt.z }, spot.lookAt);
    assert.equal(sim.said.at(-1)?.kind, "present");
    assert.equal(sim.said.at(-1)?.line.en, "Here is Bleu Vase by Verre & Co: {{price:39000:EUR}}.");
    sim.run(1000);
    assert.equal(sim.brain.anim, HostAnim.present);
    sim.runUntil("the card closes", () => sim.brain.presentingProductId === "", 20_000);
    assert.equal(sim.brain.errand, null);
  });

  test("announces a live event of a maison on the avenue, leads people to its boutique, not too often", () => {
    const sim = new Sim();
    sim.liveEvents = [
      { eventId: "elsewhere", brandId: "no-boutique-here", title: { en: "Not on this avenue" } },
      { eventId: "minuit-live", brandId: "temps", title: { en: "Minuit, live", fr: "Minuit, en direct" } },
    ];
    sim.runUntil("the announcement", () => sim.said.some((l) => l.kind === "announce"), 60_000);
    const announced = sim.said.filter((l) => l.kind === "announce");
    assert.equal(announced.length, 1);
    assert.match(announced[0]?.line.en ?? "", /live on stage now: “Minuit, live”/);
    assert.match(announced[0]?.line.fr ?? "", /« Minuit, en direct »/);
    assert.equal(announced[0]?.channel, "shard");
    assert.equal(sim.brain.errand?.kind, "lead");
    const spot = sim.world.boutiques.get("temps");
    assert.ok(spot);
    sim.runUntil("she reaches the boutique", () => dist(sim.brain, spot) < 1.5, 120_000);
    sim.run(2 * 60_000);
    assert.equal(sim.said.filter((l) => l.kind === "announce").length, 1, "not repeated within minutes");
    sim.liveEvents = [];
    sim.run(10 * 60_000);
    assert.equal(sim.said.filter((l) => l.kind === "announce").length, 1, "an ended show is not announced");
  });

  test("a French reader hears the drop's French title, a German one without German the English title", () => {
    const sim = new Sim();
    const opensAt = T0 + 20 * 60_000;
    sim.drops = [
      {
        dropId: "d1",
        brandId: "temps",
        title: { en: "Midnight, ten pieces", fr: "Minuit, dix pièces" },
        opensAt,
      },
    ];
    sim.runUntil("the announcement", () => sim.said.some((l) => l.kind === "announce"), 5 * 60_000);
    const announced = sim.said.find((l) => l.kind === "announce");
    assert.ok(announced);
    const fr = renderLine(announced.line.fr, "fr", announced.at, "Europe/Paris");
    assert.match(fr, /Minuit, dix pièces/);
    assert.doesNotMatch(fr, /Midnight/);
    assert.match(renderLine(announced.line.en, "en", announced.at, "UTC"), /^Midnight, ten pieces/);
    assert.match(renderLine(announced.line.de, "de", announced.at, "Europe/Berlin"), /Midnight, ten pieces/);
  });

  test("announces an upcoming drop at the right time with a countdown, then leads people to the boutique", () => {
    const sim = new Sim();
    const opensAt = T0 + 90 * 60_000;
    sim.drops = [{ dropId: "d1", brandId: "temps", title: { en: "Minuit, ten pieces" }, opensAt }];
    // Lead time is 30 minutes: nothing for the first hour.
    sim.run(59 * 60_000);
    assert.equal(sim.said.filter((l) => l.kind === "announce").length, 0, "not announced too early");
    assert.equal(sim.brain.announceDropId, "");
    assert.equal(sim.brain.announceAt, 0);

    sim.runUntil("the announcement", () => sim.said.some((l) => l.kind === "announce"), 2 * 60_000);
    const announced = sim.said.find((l) => l.kind === "announce");
    assert.ok(announced && announced.at >= opensAt - 30 * 60_000, "within the lead time");
    assert.equal(announced.channel, "shard");
    assert.equal(sim.brain.announceDropId, "d1");
    assert.equal(sim.brain.announceAt, opensAt);
    const tokens = lineTokens(announced.line.en);
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ["countdown", "time"],
    );
    assert.equal(tokens[0]?.kind === "countdown" && tokens[0].at, opensAt);
    assert.equal(
      renderLine(announced.line.en, "en", announced.at, "UTC"),
      "Minuit, ten pieces by Temps Genève opens in 30 minutes, at 1:30 PM.",
    );

    // Leads to the boutique and points at its door.
    const boutique = sim.world.boutiques.get("temps");
    assert.ok(boutique);
    sim.runUntil("pointing at the boutique", () => sim.brain.anim === HostAnim.point, 60_000);
    assert.ok(dist(sim.brain, boutique) < 0.5, "points from in front of the boutique");
    assert.equal(sim.brain.mode, "announce");
    assert.deepEqual(sim.brain.lookAt, boutique.lookAt);

    // Repeated no more often than every ten minutes, and not after the opening.
    sim.run(opensAt - sim.now + 60_000);
    const count = sim.said.filter((l) => l.kind === "announce").length;
    assert.ok(count >= 2 && count <= 4, `${count} announcements in 30 minutes`);
    assert.equal(sim.brain.announceDropId, "", "cleared once open");
    assert.equal(sim.brain.announceAt, 0);
  });

  test("greeting distance and the patrol remark", () => {
    const sim = new Sim();
    const far: HostVisitor = { id: "s-far", name: "Far", x: 0, z: 0 };
    sim.visitors = [far];
    sim.run(100_000, () => {
      far.x = sim.brain.x + GREET_RADIUS + 3;
      far.z = sim.brain.z;
    });
    assert.equal(
      sim.said.filter((l) => l.kind === "greet").length,
      0,
      "not greeted from farther than the radius",
    );
    assert.ok(
      sim.said.some((l) => l.kind === "patrol"),
      "makes a remark to people around now and then",
    );
  });

  test("a brand's lines: its greeting at its boutique, its presentation line for its products", () => {
    const sim = new Sim(
      testWorld(
        new Map([
          [
            "aurel",
            {
              version: 1 as const,
              greetings: [{ en: "Welcome to Maison Aurel, {name}." }],
              products: [{ productId: "aurel-lune", line: { en: "Our {product}, {price}, set by hand." } }],
              faq: [],
            },
          ],
        ]),
      ),
    );
    // The host patrols to Aurel's boutique (the second point) and dwells there.
    sim.runUntil("dwelling at Aurel", () => sim.brain.patrolIndex === 1 && sim.brain.dwellUntil > 0, 60_000);
    const ana: HostVisitor = { id: "s-ana", name: "Ana", x: sim.brain.x + 1, z: sim.brain.z };
    sim.visitors = [ana];
    sim.runUntil("a greeting", () => sim.said.some((l) => l.kind === "greet"), 2000);
    assert.equal(sim.said.find((l) => l.kind === "greet")?.line.en, "Welcome to Maison Aurel, Ana.");

    requestPresent(sim.brain, sim.world, "aurel-lune", sim.now);
    sim.runUntil("the presentation", () => sim.brain.presentingProductId === "aurel-lune", 60_000);
    assert.equal(sim.said.at(-1)?.line.en, "Our Lune Ring, {{price:450000:EUR}}, set by hand.");
  });
});
