/**
 * Intent classification with NLP.js (a neural classifier per language over stemmed words, with
 * the language packs of en, fr, de and zh). Trained on the built-in corpus (shared/host/
 * intentCorpus.ts) plus every FAQ entry's questions, in a worker thread; retrained when a script
 * changes.
 */
import { StemmerDe } from "@nlpjs/lang-de";
import { StemmerEn } from "@nlpjs/lang-en-min";
import { StemmerFr } from "@nlpjs/lang-fr";
import type { Nlp } from "@nlpjs/nlp";
import type { Locale } from "../../shared/constants.ts";
import { type Entities, type EntityIndex, findEntities, normalizeText } from "../../shared/host/entities.ts";
import {
  CLASSIFIER_LANGUAGES,
  type ClassifierLanguage,
  INTENT_CORPUS,
} from "../../shared/host/intentCorpus.ts";
import { guessLanguage } from "../../shared/host/languageGuess.ts";
import type { FaqQuestions } from "../../shared/host/script.ts";
import { createNlp, type TrainingDocument } from "./nlpSetup.ts";

/**
 * The classifier's score an intent needs (with enough topic coverage, below); under it the host
 * says it does not know.
 */
export const INTENT_MIN_SCORE = 0.3;

export type FaqIntent = { intent: string; questions: FaqQuestions };

export type Classification = {
  /** null when nothing matched well enough. */
  intent: string | null;
  score: number;
  /** The language the question was understood in (the answer's language). */
  locale: Locale;
  entities: Entities;
};

const LANGS = Object.keys(CLASSIFIER_LANGUAGES) as ClassifierLanguage[];

function toClassifierLanguage(locale: Locale): ClassifierLanguage {
  return locale === "zh-CN" ? "zh" : locale;
}

/** Words that carry no topic: they never count for or against an intent. */
const FUNCTION_WORDS = new Set(
  (
    "the is are was be what whats when where how who which why does do did can could would will you your i me my we " +
    "there any some of to a an and or in on at for it its this that these those if many please s d ll m re ve " +
    "doesn don didn isn aren " +
    "le la les l est sont quand ou comment qui quel quelle quels quelles pourquoi vous je me moi nous il elle on y a un une " +
    "des du de au aux et en pour ce c cette ces qu que s t tu te toi ton ta il-y " +
    "der die das den dem des ist sind wann wo wie wer was warum sie ich mich mir wir es gibt ein eine einen und zu bei fur " +
    // Modal verbs say how, not what, is asked.
    "can could may might should shall want like peux peut pouvez puis veux voudrais aimerais kann konnen mochte will"
  ).split(" "),
);

const STEMMERS = [new StemmerEn(), new StemmerFr(), new StemmerDe()];

/** Keys a word is known by for the coverage check: its stems in each language and its first letters. */
function keys(word: string): string[] {
  return [...STEMMERS.map((s) => s.stemWord(word)), word.slice(0, 5)];
}

function contentWords(masked: string): string[] {
  return masked
    .split(" ")
    .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !/[\u3400-\u9fff]/.test(w));
}

/**
 * Share of a question's topic words that the chosen intent was trained with. A neural classifier
 * is sure of itself on words it never saw ("what's the weather like" → "like" → tour); a question
 * mostly about words the intent never saw is not about that intent.
 */
export const MIN_TOPIC_COVERAGE = 0.5;

export class IntentClassifier {
  private readonly nlp: Nlp;
  private readonly vocabulary: Map<string, Set<string>>;

  private constructor(nlp: Nlp, vocabulary: Map<string, Set<string>>) {
    this.nlp = nlp;
    this.vocabulary = vocabulary;
  }

  private coverage(intent: string, masked: string): number {
    const words = contentWords(masked);
    if (words.length === 0) return 1;
    const known = this.vocabulary.get(intent);
    if (!known) return 0;
    return words.filter((w) => keys(w).some((k) => known.has(k))).length / words.length;
  }

  /**
   * Trains a classifier: seconds of CPU, so the server does it in a worker thread
   * (intentWorker.ts); tests and the bench call it directly.
   */
  static async train(faq: readonly FaqIntent[], entityIndex: EntityIndex): Promise<IntentClassifier> {
    const vocabulary = new Map<string, Set<string>>();
    const documents: TrainingDocument[] = [];
    const learn = (lang: ClassifierLanguage, utterance: string, intent: string) => {
      documents.push([lang, utterance, intent]);
      const set = vocabulary.get(intent) ?? new Set<string>();
      for (const w of contentWords(normalizeText(utterance))) for (const k of keys(w)) set.add(k);
      vocabulary.set(intent, set);
    };
    for (const [intent, byLang] of Object.entries(INTENT_CORPUS)) {
      for (const lang of LANGS) for (const u of byLang[lang] ?? []) learn(lang, u, intent);
    }
    for (const entry of faq) {
      for (const lang of LANGS) {
        // FAQ questions may name products or brands: mask them like incoming questions.
        for (const q of entry.questions[CLASSIFIER_LANGUAGES[lang]] ?? []) {
          learn(lang, findEntities(entityIndex, q).masked, entry.intent);
        }
      }
    }
    const nlp = createNlp();
    for (const [language, utterance, intent] of documents) nlp.addDocument(language, utterance, intent);
    await nlp.train();
    return new IntentClassifier(nlp, vocabulary);
  }

  /** Loads what a thread loads once, lazily otherwise (Chinese segmentation compiles a dictionary). */
  async warmUp(): Promise<void> {
    for (const lang of LANGS) await this.nlp.process(lang, lang === "zh" ? "你好" : "hello");
  }

  /**
   * Classifies a question. The language tried first is the one the text looks written in (else the
   * asker's interface language); the others are tried when it finds nothing good.
   */
  async classify(text: string, askerLocale: Locale, entityIndex: EntityIndex): Promise<Classification> {
    const entities = findEntities(entityIndex, text);
    const guessed = guessLanguage(text);
    const asker = toClassifierLanguage(askerLocale);
    // A language the text clearly is written in is trusted; otherwise every language is tried.
    const order: ClassifierLanguage[] = guessed
      ? [guessed, ...(asker !== guessed && guessed !== "zh" ? [asker] : [])]
      : [asker, ...LANGS.filter((l) => l !== asker && l !== "zh")];
    let best: { intent: string; score: number; lang: ClassifierLanguage } | null = null;
    for (const lang of order) {
      const result = await this.nlp.process(lang, entities.masked);
      const ranked = [...(result.classifications ?? [])].sort((a, b) => b.score - a.score);
      // The most probable intent that the question's topic words actually belong to.
      const pick = ranked.find(
        (c) =>
          c.intent !== "None" &&
          c.score >= INTENT_MIN_SCORE &&
          this.coverage(c.intent, entities.masked) >= MIN_TOPIC_COVERAGE,
      );
      if (pick && (!best || pick.score > best.score)) best = { intent: pick.intent, score: pick.score, lang };
      if (best && lang === guessed) break;
    }
    let locale: Locale = askerLocale;
    if (guessed) locale = CLASSIFIER_LANGUAGES[guessed];
    else if (best) locale = CLASSIFIER_LANGUAGES[best.lang];
    return { intent: best?.intent ?? null, score: best?.score ?? 0, locale, entities };
  }
}
