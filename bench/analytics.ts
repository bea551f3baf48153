/**
 * Analytics benchmark: what recording facts costs the avenue's fixed step at 1,000 avatars (ten
 * shards of 100, the default shard capacity), measured as the kernel steps them.
 *
 * Each shard holds 100 `AvatarState` schema objects wandering between random points of the demo
 * avenue, half of them towards a boutique window, so passes and dwell facts really happen. One step
 * is the kernel's loop (WalkableRoom.step: `stepAvatar` for every avatar, written into the schema);
 * "with facts" adds what the avenue room's `onStep` adds for analytics (`AvenueFacts.step`, the
 * window watch with its `record()` calls into a real AnalyticsRecorder on an in-memory PGlite).
 * Blocks of steps alternate between the two so drift of the machine cancels out; the recorder's
 * batched writes run between steps, as they do in the server, and are reported separately. The
 * host's own tick is left out of the baseline, so the percentage is an upper bound.
 */
import { performance } from "node:perf_hooks";
import { MapSchema } from "@colyseus/schema";
import { AvenueFacts } from "../server/analytics/avenueFacts.ts";
import { AnalyticsRecorder } from "../server/analytics/recorder.ts";
import { openDatabase } from "../server/db/database.ts";
import { manualClock } from "../server/drops/clock.ts";
import { layoutAvenue } from "../shared/avenue/layout.ts";
import { AVENUE_TICK_RATE } from "../shared/constants.ts";
import { AvatarAnim, AvatarState, writePose } from "../shared/walking/avatarState.ts";
import type { Pose } from "../shared/walking/movement.ts";
import { stepAvatar, targetReached, type WalkControl } from "../shared/walking/step.ts";
import { databaseTargets } from "../tests/helpers/databases.ts";

const SHARDS = 10;
const PER_SHARD = 100;
const BLOCK_STEPS = 60; // two simulated seconds per block
const BLOCKS = 40;
const WARM_UP_BLOCKS = 10;

type Shard = {
  avatars: MapSchema<AvatarState>;
  controls: Map<string, WalkControl>;
  /** Full-precision poses, as the kernel's walkers hold them (the synced fields are quantized). */
  poses: Map<string, Pose>;
  facts: AvenueFacts;
};

function random(seedValue: number): () => number {
  let s = seedValue >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type AnalyticsBenchRow = {
  database: string;
  avatars: number;
  steps: number;
  baselineMicrosPerStep: number;
  withFactsMicrosPerStep: number;
  /** (with − baseline) / baseline, block against block: includes the machine's noise. */
  overheadPercent: number;
  factsMicrosPerStep: number;
  /** Time in the fact recording alone over the baseline step: the figure to hold under 5 %. */
  factsShareOfStepPercent: number;
  factsRecorded: number;
  flushMsPer1000Facts: number;
};

export async function benchAnalytics(): Promise<AnalyticsBenchRow[]> {
  const brandIds = Array.from({ length: 12 }, (_, i) => `brand-${i}`);
  const layout = layoutAvenue(brandIds);
  // PostgreSQL (a scratch database) when TEST_DATABASE_URL is set, else PGlite in memory.
  const postgres = process.env.TEST_DATABASE_URL ? databaseTargets()[1] : undefined;
  const database = postgres
    ? await postgres.open()
    : await openDatabase({ dataDir: "unused", inMemory: true });
  const clock = manualClock(new Date("2026-12-01T10:00:00Z"));
  const recorder = new AnalyticsRecorder({
    database,
    clock,
    secret: "bench-secret-0123456789",
    rawDays: 30,
    flushMs: 60_000,
  });
  let recorded = 0; // facts recorded in the counted blocks
  const counting = {
    record: (f: Parameters<AnalyticsRecorder["record"]>[0]) => {
      recorded++;
      recorder.record(f);
    },
  };
  const rnd = random(42);
  const b = layout.bounds;
  const pick = () => {
    if (rnd() < 0.5) {
      const boutique = layout.boutiques[Math.floor(rnd() * layout.boutiques.length)];
      if (boutique) return { x: boutique.facade.x * 0.8, z: boutique.facade.z };
    }
    return { x: b.minX + rnd() * (b.maxX - b.minX), z: b.minZ + rnd() * (b.maxZ - b.minZ) };
  };
  const shards: Shard[] = Array.from({ length: SHARDS }, (_, s) => {
    const avatars = new MapSchema<AvatarState>();
    const controls = new Map<string, WalkControl>();
    const poses = new Map<string, Pose>();
    for (let i = 0; i < PER_SHARD; i++) {
      const id = `s${s}-${i}`;
      const at = pick();
      const pose = { x: at.x, z: at.z, heading: 0 };
      const avatar = new AvatarState().assign({
        name: id,
        kind: "guest",
        anim: AvatarAnim.idle,
        connected: true,
      });
      writePose(avatar, pose);
      avatars.set(id, avatar);
      poses.set(id, pose);
      controls.set(id, { dirX: 0, dirZ: 0, target: pick() });
    }
    const facts = new AvenueFacts(counting, () => ({ identity: { userId: null } }));
    facts.setLayout(layout);
    return { avatars, controls, poses, facts };
  });

  const dt = 1 / AVENUE_TICK_RATE;
  let now = clock.now().getTime();
  /** The kernel's step (WalkableRoom.step), verbatim, for one shard. */
  const kernelStep = (shard: Shard) => {
    for (const [sessionId, avatar] of shard.avatars) {
      const control = shard.controls.get(sessionId);
      const pose = shard.poses.get(sessionId);
      if (!control || !pose) continue;
      if (targetReached(pose, control)) control.target = pick();
      const next = stepAvatar(pose, control, dt, layout);
      if (next.anim === AvatarAnim.walk) {
        pose.x = next.x;
        pose.z = next.z;
        pose.heading = next.heading;
        writePose(avatar, pose);
      }
      if (avatar.anim !== next.anim) avatar.anim = next.anim;
    }
  };
  let baseline = 0;
  let withFacts = 0;
  /** Time inside `AvenueFacts.step` alone: robust to the machine's noise between blocks. */
  let factsOnly = 0;
  let flushMs = 0;
  let flushed = 0;
  // Warm-up blocks (JIT) are not counted; then baseline and recording blocks alternate.
  for (let block = -WARM_UP_BLOCKS; block < BLOCKS * 2; block++) {
    const recording = block % 2 === 1;
    if (block === 0) recorded = 0;
    const started = performance.now();
    for (let step = 0; step < BLOCK_STEPS; step++) {
      now += 1000 / AVENUE_TICK_RATE;
      for (const shard of shards) {
        kernelStep(shard);
        if (recording || block < 0) {
          const factsStarted = performance.now();
          shard.facts.step(shard.poses, now);
          if (block >= 0) factsOnly += performance.now() - factsStarted;
        }
      }
    }
    const spent = performance.now() - started;
    if (block >= 0 && recording) withFacts += spent;
    else if (block >= 0) baseline += spent;
    // Between steps, as in the server: the recorder writes its batch.
    const pending = recorder.pending();
    const flushStarted = performance.now();
    await recorder.flush();
    if (block >= 0) {
      flushMs += performance.now() - flushStarted;
      flushed += pending;
    }
  }
  await recorder.close();
  await database.close();
  const steps = BLOCKS * BLOCK_STEPS;
  return [
    {
      database: database.kind,
      avatars: SHARDS * PER_SHARD,
      steps,
      baselineMicrosPerStep: Math.round((baseline / steps) * 1000),
      withFactsMicrosPerStep: Math.round((withFacts / steps) * 1000),
      overheadPercent: Math.round(((withFacts - baseline) / baseline) * 1000) / 10,
      factsMicrosPerStep: Math.round((factsOnly / steps) * 10_000) / 10,
      factsShareOfStepPercent: Math.round((factsOnly / baseline) * 10_000) / 100,
      factsRecorded: recorded,
      flushMsPer1000Facts: flushed > 0 ? Math.round((flushMs / flushed) * 1000) : 0,
    },
  ];
}
