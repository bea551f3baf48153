/**
 * Host benchmark: the cost of one fixed step of the host's simulation with 100 and 500 avatars
 * walking around it (the demo avenue and the shipped script), and the latency of an answer
 * (classification with NLP.js plus composition) after the classifier's training.
 */
import fs from "node:fs";
import { IntentClassifier } from "../server/host/intentClassifier.ts";
import { layoutAvenue } from "../shared/avenue/layout.ts";
import type { Catalog } from "../shared/catalog.ts";
import { AVENUE_TICK_RATE } from "../shared/constants.ts";
import { composeAnswer, faqIntent } from "../shared/host/answers.ts";
import { buildEntityIndex } from "../shared/host/entities.ts";
import { createHostBrain, type HostVisitor } from "../shared/host/hostBrain.ts";
import { requestTour } from "../shared/host/hostRequests.ts";
import { stepHost } from "../shared/host/hostSim.ts";
import { resolveHostWorld } from "../shared/host/hostWorld.ts";
import { HostScript } from "../shared/host/script.ts";
import { SeedFile } from "../shared/seed.ts";

type Row = {
  medianMicros?: number;
  maxMicros?: number;
  case: string;
  avatars?: number;
  steps?: number;
  meanMicros?: number;
  p99Micros?: number;
  meanMs?: number;
  p95Ms?: number;
  trainMs?: number;
};

const seed = SeedFile.parse(
  JSON.parse(fs.readFileSync(new URL("../assets/seed/demo.json", import.meta.url), "utf8")),
);
const script = HostScript.parse(
  JSON.parse(fs.readFileSync(new URL("../assets/host/platform-script.json", import.meta.url), "utf8")),
);
const catalog: Catalog = { brands: seed.brands };
const layout = layoutAvenue(catalog.brands.map((b) => b.id));

/** A small deterministic generator, so every run walks the same crowd. */
function random(seedValue: number): () => number {
  let s = seedValue >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function benchStep(avatars: number, touring: boolean): Row {
  const world = resolveHostWorld(script, new Map(), catalog, layout);
  const brain = createHostBrain(world);
  const rnd = random(avatars);
  const b = layout.bounds;
  const visitors: HostVisitor[] = Array.from({ length: avatars }, (_, i) => ({
    id: `s${i}`,
    name: `Visitor ${i}`,
    x: b.minX + 1 + rnd() * (b.maxX - b.minX - 2),
    z: b.minZ + 1 + rnd() * (b.maxZ - b.minZ - 2),
  }));
  const dt = 1 / AVENUE_TICK_RATE;
  let now = Date.parse("2030-01-01T12:00:00Z");
  if (touring) for (let i = 0; i < 20; i++) requestTour(brain, world, `s${i}`, now);
  const drops = [{ dropId: "d", brandId: "brevanne", title: { en: "A drop" }, opensAt: now + 45 * 60_000 }];
  const steps = AVENUE_TICK_RATE * 120;
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    for (const v of visitors) {
      v.x = Math.min(b.maxX - 1, Math.max(b.minX + 1, v.x + (rnd() - 0.5) * 0.2));
      v.z = Math.min(b.maxZ - 1, Math.max(b.minZ + 1, v.z + (rnd() - 0.5) * 0.2));
    }
    if (touring) {
      // The first twenty keep up with the host.
      for (let f = 0; f < 20; f++) {
        const v = visitors[f];
        if (v) {
          v.x = brain.x + 1;
          v.z = brain.z + 1;
        }
      }
    }
    const t0 = performance.now();
    stepHost(brain, world, {
      nowMs: now,
      dt,
      visitors,
      drops,
      announceLeadMs: 3_600_000,
      announceEveryMs: 600_000,
    });
    times.push((performance.now() - t0) * 1000);
    now += dt * 1000;
  }
  times.sort((x, y) => x - y);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return {
    case: touring ? "sim step, tour with 20 followers" : "sim step, patrol and greetings",
    avatars,
    steps,
    meanMicros: Math.round(mean * 10) / 10,
    medianMicros: Math.round(percentile(times, 0.5) * 10) / 10,
    maxMicros: Math.round(percentile(times, 1) * 10) / 10,
    p99Micros: Math.round(percentile(times, 0.99) * 10) / 10,
  };
}

const QUESTIONS: [string, "en" | "fr" | "de" | "zh-CN"][] = [
  ["When is the next drop?", "en"],
  ["How much is the Etoile Solitaire ring?", "en"],
  ["Where is Brévanne?", "en"],
  ["Do you ship internationally?", "en"],
  ["Quand est le prochain drop ?", "fr"],
  ["Combien coûte le sac Minuit ?", "fr"],
  ["Où se trouve Maison Ostrelle ?", "fr"],
  ["Wo ist Nérolie?", "de"],
  ["星辰单钻戒指多少钱？", "zh-CN"],
  ["What's the weather like in Paris?", "en"],
];

async function benchAnswers(): Promise<Row[]> {
  const index = buildEntityIndex(catalog);
  const faq = new Map(script.faq.map((e) => [faqIntent("platform", e.id), e]));
  const t0 = performance.now();
  const classifier = await IntentClassifier.train(
    [...faq].map(([intent, e]) => ({ intent, questions: e.questions })),
    index,
  );
  const trainMs = Math.round(performance.now() - t0);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const [q, lang] of QUESTIONS) {
      const s = performance.now();
      const c = await classifier.classify(q, lang, index);
      composeAnswer(
        { intent: c.intent, locale: c.locale, entities: c.entities, askerName: "Ana" },
        { nowMs: Date.now(), catalog, layout, drops: [], script, faq, toursAvailable: true },
      );
      times.push(performance.now() - s);
    }
  }
  times.sort((x, y) => x - y);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return [
    {
      case: "answer (classify + compose)",
      steps: times.length,
      meanMs: Math.round(mean * 100) / 100,
      p95Ms: Math.round(percentile(times, 0.95) * 100) / 100,
      trainMs,
    },
  ];
}

export async function benchHost(): Promise<Row[]> {
  return [
    benchStep(100, false),
    benchStep(500, false),
    benchStep(100, true),
    benchStep(500, true),
    ...(await benchAnswers()),
  ];
}
