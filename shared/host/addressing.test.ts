import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addressedToHost, HOST_HEARING_RADIUS } from "./addressing.ts";
import { guessLanguage } from "./languageGuess.ts";

const near = HOST_HEARING_RADIUS - 1;
const far = HOST_HEARING_RADIUS + 20;

describe("when a chat line speaks to the host", () => {
  test("a mention addresses it from anywhere, and is removed from the question", () => {
    assert.deepEqual(addressedToHost("@host when is the next drop?", "Céleste", "shard", far), {
      addressed: true,
      question: "when is the next drop?",
    });
    assert.deepEqual(addressedToHost("@Céleste, où est Brévanne ?", "Céleste", "nearby", far), {
      addressed: true,
      question: "où est Brévanne ?",
    });
    assert.equal(addressedToHost("Celeste where is the watchmaker", "Céleste", "shard", far).addressed, true);
    assert.equal(addressedToHost("ask @host about it", "Céleste", "shard", far).addressed, true);
  });

  test("a question nearby addresses it; the same far away, on the shard channel, or without a question mark does not", () => {
    assert.equal(addressedToHost("Where is Aubrelle?", "Céleste", "nearby", near).addressed, true);
    assert.equal(addressedToHost("下一次发售是什么时候？", "Céleste", "nearby", near).addressed, true);
    assert.equal(addressedToHost("Where is Aubrelle?", "Céleste", "nearby", far).addressed, false);
    assert.equal(addressedToHost("Where is Aubrelle?", "Céleste", "shard", near).addressed, false);
    assert.equal(addressedToHost("nice bag", "Céleste", "nearby", near).addressed, false);
    assert.equal(addressedToHost("celestial view tonight?", "Céleste", "shard", far).addressed, false);
  });

  test("a tour request nearby addresses it", () => {
    assert.equal(addressedToHost("follow me", "Céleste", "nearby", near).addressed, true);
    assert.equal(addressedToHost("Suivez-moi !", "Céleste", "nearby", near).addressed, true);
    assert.equal(addressedToHost("follow me", "Céleste", "nearby", far).addressed, false);
  });
});

describe("language guess", () => {
  test("guesses the language a question is written in, or says it is unsure", () => {
    assert.equal(guessLanguage("Quand est le prochain drop ?"), "fr");
    assert.equal(guessLanguage("When is the next drop?"), "en");
    assert.equal(guessLanguage("Wann ist der nächste Drop?"), "de");
    assert.equal(guessLanguage("下一次发售是什么时候？"), "zh");
    assert.equal(guessLanguage("Aubrelle"), null);
  });
});
