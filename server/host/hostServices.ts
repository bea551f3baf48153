/**
 * Everything the host needs from the rest of the server, per process: the scripts, the catalog,
 * the drop schedule, and the intent classifier (trained once per set of FAQ entries and shared by
 * every room of the process). Rooms call `snapshot()` and `answer()`; a script or catalog change
 * calls `invalidate()` (rooms do it when presence tells them).
 */
import { createHash } from "node:crypto";
import { type AvenueLayout, layoutAvenue } from "../../shared/avenue/layout.ts";
import type { Catalog } from "../../shared/catalog.ts";
import type { AdvisorHandoff } from "../../shared/clienteling/queue.ts";
import type { Locale } from "../../shared/constants.ts";
import { composeAnswer, faqIntent, type HostAnswer } from "../../shared/host/answers.ts";
import type { DropFact } from "../../shared/host/dropFacts.ts";
import type { LiveEventFact } from "../../shared/host/hostBrain.ts";
import { HostIntent } from "../../shared/host/intentCorpus.ts";
import type { BrandHostLines, FaqEntry, HostScript } from "../../shared/host/script.ts";
import { getCatalog } from "../catalog/catalogRepository.ts";
import { advisorHandoff } from "../clienteling/hostHandoff.ts";
import type { DbLike } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { liveEventFacts } from "../events/eventQueries.ts";
import type { LimiterStore } from "../http/limiterStore.ts";
import { logFor } from "../observability/log.ts";
import { ChatGate } from "./chatSafety.ts";
import { getPlatformScript, listBrandHostLines, loadDropFacts, PLATFORM_SCOPE } from "./hostScripts.ts";
import { type ClassifierHandle, IntentWorkerClient } from "./intentWorkerClient.ts";

/** Presence channel on which a change of any host script is announced to every process. */
export const HOST_SCRIPT_CHANGED_CHANNEL = "vitrine:host-script-changed";

export type HostSnapshot = {
  script: HostScript;
  scriptVersion: number;
  brandLines: ReadonlyMap<string, BrandHostLines>;
  catalog: Catalog;
  layout: AvenueLayout;
  faq: ReadonlyMap<string, FaqEntry>;
  /** The intent model for this snapshot, trained in the intent worker. */
  classifier(): Promise<ClassifierHandle>;
};

export type HostQuestion = { text: string; locale: Locale; askerName: string };

export class HostServices {
  private readonly database: DbLike;
  private readonly clock: Clock;
  private readonly defaultScript: HostScript;
  private current: Promise<HostSnapshot> | null = null;
  /** Trained classifiers by the hash of what they were trained on (FAQ questions, catalog names). */
  private readonly classifiers = new Map<string, Promise<ClassifierHandle>>();
  private readonly worker = new IntentWorkerClient();
  /** The chat's guards, one per process, so that a person's rate limit spans every avenue room. */
  readonly chatGate: ChatGate;

  constructor(deps: {
    database: DbLike;
    clock: Clock;
    defaultScript: HostScript;
    /** Where chat limits count (Redis when scaled out); this process's memory when absent. */
    limiterStore?: LimiterStore;
  }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.defaultScript = deps.defaultScript;
    this.chatGate = new ChatGate(deps.limiterStore);
  }

  /** The default platform script shipped with the code. */
  get fallbackScript(): HostScript {
    return this.defaultScript;
  }

  /** The current scripts and catalog (loaded once until invalidated). */
  snapshot(): Promise<HostSnapshot> {
    if (!this.current) {
      const loading = this.load();
      this.current = loading;
      loading.catch(() => {
        if (this.current === loading) this.current = null;
      });
    }
    return this.current;
  }

  /** Stops the intent worker (server shutdown). */
  close(): Promise<void> {
    return this.worker.close();
  }

  /** Forget the loaded snapshot: the next `snapshot()` reads the database again. */
  invalidate(): void {
    this.current = null;
  }

  /** Announced drops that have not ended, at the clock's time. */
  drops(): Promise<DropFact[]> {
    return loadDropFacts(this.database, this.clock.now());
  }

  /** Open events of the maisons live now, at the clock's time. */
  liveEvents(): Promise<LiveEventFact[]> {
    return liveEventFacts(this.database, this.clock.now());
  }

  /** Classifies a question and composes the answer from what Vitrine knows now. */
  async answer(snapshot: HostSnapshot, question: HostQuestion): Promise<HostAnswer> {
    const classifier = await snapshot.classifier();
    const classification = await classifier.classify(question.text, question.locale);
    const drops = await this.drops();
    const advisorHandoff =
      classification.intent === HostIntent.advisor
        ? await this.handoffFor(classification.entities.brandIds, snapshot)
        : null;
    return composeAnswer(
      {
        intent: classification.intent,
        locale: classification.locale,
        entities: classification.entities,
        askerName: question.askerName,
      },
      {
        nowMs: this.clock.now().getTime(),
        catalog: snapshot.catalog,
        layout: snapshot.layout,
        drops,
        script: snapshot.script,
        faq: snapshot.faq,
        toursAvailable: snapshot.script.tours.length > 0,
        advisorHandoff,
      },
    );
  }

  /** What the first named maison can offer now; null (the plain offer) when it cannot be read. */
  private async handoffFor(
    brandIds: readonly string[],
    snapshot: HostSnapshot,
  ): Promise<AdvisorHandoff | null> {
    const brandId = brandIds.find((id) => snapshot.catalog.brands.some((b) => b.id === id));
    if (!brandId) return null;
    try {
      return await advisorHandoff(this.database, brandId, this.clock);
    } catch (error) {
      logFor("host").error({ err: error }, "could not read the advisors' availability");
      return null;
    }
  }

  private async load(): Promise<HostSnapshot> {
    const [stored, brandLines, catalog] = await Promise.all([
      getPlatformScript(this.database, this.defaultScript),
      listBrandHostLines(this.database),
      getCatalog(this.database),
    ]);
    const script = stored.document;
    const faq = new Map<string, FaqEntry>();
    for (const entry of script.faq) faq.set(faqIntent(PLATFORM_SCOPE, entry.id), entry);
    for (const [brandId, part] of brandLines)
      for (const entry of part.faq) faq.set(faqIntent(brandId, entry.id), entry);
    return {
      script,
      scriptVersion: stored.version,
      brandLines,
      catalog,
      layout: layoutAvenue(catalog.brands.map((b) => b.id)),
      faq,
      // Trained on first use (a room's start or a question), once per FAQ and catalog.
      classifier: () => this.classifierFor(faq, catalog),
    };
  }

  private classifierFor(faq: ReadonlyMap<string, FaqEntry>, catalog: Catalog): Promise<ClassifierHandle> {
    const entries = [...faq].map(([intent, e]) => ({ intent, questions: e.questions }));
    const names = catalog.brands.map((b) => [b.name, b.products.map((p) => p.name)]);
    const key = createHash("sha256")
      .update(JSON.stringify([entries, names]))
      .digest("hex");
    let trained = this.classifiers.get(key);
    if (!trained) {
      trained = this.worker.train(key, entries, catalog);
      trained.catch(() => this.classifiers.delete(key));
      this.classifiers.set(key, trained);
      // Keep the two most recent: rooms still on the previous snapshot finish their answers.
      while (this.classifiers.size > 2) {
        const oldest = this.classifiers.keys().next().value;
        if (oldest === undefined) break;
        this.classifiers.delete(oldest);
      }
    }
    return trained;
  }
}
