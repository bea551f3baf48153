/** The small part of NLP.js (CommonJS, untyped) that the intent classifier uses. */
declare module "@nlpjs/core" {
  export type Container = {
    use(plugin: unknown): void;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  };
  export function containerBootstrap(): Container;
  export class Tokenizer {
    constructor(settings?: unknown, shouldTokenize?: boolean);
    name: string;
  }
}
declare module "@nlpjs/nlp" {
  import type { Container } from "@nlpjs/core";
  export type NlpResult = {
    intent: string;
    score: number;
    classifications?: { intent: string; score: number }[];
  };
  export class Nlp {
    constructor(settings: Record<string, unknown>, container?: Container);
    addLanguage(language: string): void;
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string): void;
    process(language: string, utterance: string): Promise<NlpResult>;
  }
}
declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-fr" {
  export const LangFr: unknown;
  export class StemmerFr {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-de" {
  export const LangDe: unknown;
  export class StemmerDe {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-zh" {
  export const LangZh: unknown;
}
