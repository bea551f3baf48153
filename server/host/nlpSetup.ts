/** One NLP.js instance set up for the host's languages (shared by the trainer and the classifier). */
import { containerBootstrap } from "@nlpjs/core";
import { LangDe } from "@nlpjs/lang-de";
import { LangEn } from "@nlpjs/lang-en-min";
import { LangFr } from "@nlpjs/lang-fr";
import { LangZh } from "@nlpjs/lang-zh";
import { Nlp } from "@nlpjs/nlp";
import { CLASSIFIER_LANGUAGES } from "../../shared/host/intentCorpus.ts";

/** An utterance the classifier learns: [language, text, intent]. */
export type TrainingDocument = [language: string, utterance: string, intent: string];

export function createNlp(): Nlp {
  const container = containerBootstrap();
  container.registerConfiguration(
    "nlu-??",
    { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: false, log: false },
    true,
  );
  container.use(LangEn);
  container.use(LangFr);
  container.use(LangDe);
  container.use(LangZh);
  return new Nlp(
    { languages: Object.keys(CLASSIFIER_LANGUAGES), autoSave: false, autoLoad: false, nlu: { log: false } },
    container,
  );
}
