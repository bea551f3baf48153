/**
 * What the profanity filter reads (issue 10): a line with its invisible characters removed and
 * each character folded to the Latin letter it imitates, so that "f\u200Buck", "fuсk" (a Cyrillic
 * с) or "ｆｕｃｋ" (fullwidth) are seen as the word they spell. The fold keeps one character per
 * character, so a match found in the folded text masks the same positions in the line as sent.
 */

/** Characters with no width and no use in chat (zero-width space, word joiner, BOM, soft hyphen, marks). */
const ALWAYS_INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u2060-\u2064\uFEFF]/gu;
/** Zero-width (non-)joiners between letters: they split words; beside emoji they build them (👩‍💻). */
const JOINER_AFTER_LETTER = /(?<=\p{L})[\u200C\u200D]+/gu;

/** The line without invisible characters (what is delivered and what the filter reads). */
export function removeInvisible(text: string): string {
  return text.replace(ALWAYS_INVISIBLE, "").replace(JOINER_AFTER_LETTER, "");
}

/**
 * Letters of other scripts that look like Latin ones (from Unicode's confusables.txt, the common
 * Cyrillic, Greek and Armenian look-alikes), and digits and signs used as letters.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ɡ: "g",
  һ: "h",
  ӏ: "l",
  ү: "y",
  А: "a",
  В: "b",
  Е: "e",
  К: "k",
  М: "m",
  Н: "h",
  О: "o",
  Р: "p",
  С: "c",
  Т: "t",
  Х: "x",
  І: "i",
  Ј: "j",
  Ѕ: "s",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  Α: "a",
  Β: "b",
  Ε: "e",
  Ζ: "z",
  Η: "h",
  Ι: "i",
  Κ: "k",
  Μ: "m",
  Ν: "n",
  Ο: "o",
  Ρ: "p",
  Τ: "t",
  Υ: "y",
  Χ: "x",
  օ: "o",
  ս: "u",
  ց: "g",
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
};

/** One character folded: a look-alike to its Latin letter, else its compatibility form (fullwidth, 𝐛𝐨𝐥𝐝) when that is one character. */
function foldChar(char: string): string {
  const direct = LOOK_ALIKES[char];
  if (direct) return direct;
  const compat = char.normalize("NFKD").replace(/\p{M}/gu, "");
  const folded = [...compat].length === 1 ? compat : char;
  return LOOK_ALIKES[folded] ?? folded.toLowerCase();
}

/**
 * The characters of `text` folded one for one (same count of code points), for matching only.
 * Digits are folded only inside words ("sh1t"), so that "10 000" stays a number.
 */
export function foldForFilter(text: string): string[] {
  const chars = [...text];
  return chars.map((char, i) => {
    if (/[0-9@$!|]/.test(char)) {
      const before = chars[i - 1] ?? "";
      const after = chars[i + 1] ?? "";
      if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return char;
    }
    return foldChar(char);
  });
}
