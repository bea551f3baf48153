/** One NLP.js instance set up for the host's languages (shared by the trainer and the classifier). */
import { containerBootstrap, Tokenizer } from "@nlpjs/core";
import { LangDe } from "@nlpjs/lang-de";
import { LangEn } from "@nlpjs/lang-en-min";
import { LangFr } from "@nlpjs/lang-fr";
import { LangZh } from "@nlpjs/lang-zh";
import { Nlp } from "@nlpjs/nlp";
import { CLASSIFIER_LANGUAGES } from "../../shared/host/intentCorpus.ts";

/** An utterance the classifier learns: [language, text, intent]. */
export type TrainingDocument = [language: string, utterance: string, intent: string];

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Chinese tokens for the classifier: each character and each pair of neighbouring characters
 * (words of other scripts, like the "xproductx" placeholder, stay whole). NLP.js's own Chinese
 * tokenizer segments with the whole CC-CEDICT dictionary, which takes seconds to compile and
 * about 220 MB per process; for short questions, character pairs classify as well.
 */
export function hanBigrams(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!HAN.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      tokens.push(c);
      const next = chars[i + 1];
      if (next) tokens.push(c + next);
    });
  }
  return tokens;
}

class TokenizerZhBigrams extends Tokenizer {
  constructor(settings?: unknown, shouldTokenize?: boolean) {
    super(settings, shouldTokenize);
    this.name = "tokenizer-zh";
  }

  innerTokenize(text: string): string[] {
    return hanBigrams(text);
  }
}

/** Stems Chinese as the tokens above (NLP.js's own stemmer translates through the dictionary). */
class StemmerZhBigrams {
  readonly name = "stemmer-zh";

  async stem(text: string | string[], input?: { utterance?: string; text?: string }): Promise<string[]> {
    const source = typeof text === "string" ? text : (input?.utterance ?? input?.text ?? text.join(""));
    return hanBigrams(source.toLowerCase());
  }

  async run<T extends { text?: string; tokens?: string[] }>(input: T): Promise<T> {
    input.tokens = await this.stem(input.text ?? (input.tokens ?? []).join(""));
    return input;
  }
}

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
  // After LangZh: replace its dictionary tokenizer and stemmer.
  container.use(TokenizerZhBigrams);
  container.use(new StemmerZhBigrams());
  return new Nlp(
    { languages: Object.keys(CLASSIFIER_LANGUAGES), autoSave: false, autoLoad: false, nlu: { log: false } },
    container,
  );
}
