/**
 * The host on a drop's stage: a pure step that, from the drop (its instants, mode, stock) and what
 * the host already said, decides its line, animation and mode. The room calls it on its own clock;
 * tests call it with any instant. Nothing here reads the time.
 *
 * Moments, each said at most once: a welcome when the room opens, "pass holders first" as early
 * access opens, a ten-second line before the public start, the reveal at the public start, stock
 * remarks (half gone, the last pieces), sold out, for raffles the close of entries and the draw, and
 * the close of the drop. Moments follow each other in two tracks (the drop's timeline and its stock):
 * once one is said, the earlier ones of its track are never said late. Timed moments (the countdown,
 * the reveal, sold out, the draw, the close) are said on time; the others wait for a minimum gap
 * after the last line and for the current line to be read.
 */
import { LOCALES, type Locale } from "../constants.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { HostAnim, type HostMode } from "./hostState.ts";
import { countdownToken, timeToken } from "./lineTokens.ts";

/**
 * Where the host stands on the drop stage (metres; the pedestal is at the origin, the audience
 * towards +z): behind the pedestal and to its left, turned half towards the audience and half
 * towards the piece (heading as atan2(dx, dz), like the avenue's host).
 */
export const DROP_HOST_STAGE = {
  x: -0.72,
  z: -1.05,
  heading: Math.atan2(0.7, 1),
  lookAtX: 0,
  lookAtZ: 0,
} as const;

/** Lines that are not timed wait at least this long after the previous line. */
export const DROP_HOST_MIN_GAP_MS = 6000;
/** The countdown line is said this long before the public start. */
export const DROP_HOST_COUNTDOWN_MS = 10_000;
/** The reveal and sold-out lines stay up at least this long. */
export const DROP_HOST_HEADLINE_MS = 20_000;

export const DROP_HOST_MOMENTS = [
  "welcome",
  "earlyAccess",
  "countdown",
  "reveal",
  "entriesClosed",
  "drawn",
  "ended",
  "half",
  "lastPieces",
  "soldOut",
] as const;
export type DropHostMoment = (typeof DROP_HOST_MOMENTS)[number];

/** What the host knows of the drop (instants in epoch ms; 0 = none). */
export type DropHostDrop = {
  mode: "fcfs" | "raffle" | string;
  earlyAccessStartsAt: number;
  publicStartsAt: number;
  endsAt: number;
  entriesCloseAt: number;
  stock: number;
  remaining: number;
  soldOutAt: number;
  drawnAt: number;
  /** The product's name by locale; English is the fallback. */
  productName: Partial<Record<Locale, string>> & { en: string };
};

/** What the host said and is doing (the previous step's answer). */
export type DropHostMemory = {
  said: readonly DropHostMoment[];
  moment: DropHostMoment | null;
  lineId: number;
  line: LocalizedLine | null;
  lineUntil: number;
  lastLineAt: number;
  anim: HostAnim;
  mode: HostMode;
};

export function createDropHostMemory(): DropHostMemory {
  return {
    said: [],
    moment: null,
    lineId: 0,
    line: null,
    lineUntil: 0,
    lastLineAt: Number.NEGATIVE_INFINITY,
    anim: HostAnim.idle,
    mode: "announce",
  };
}

const TRACKS: readonly (readonly DropHostMoment[])[] = [
  ["welcome", "earlyAccess", "countdown", "reveal", "entriesClosed", "drawn", "ended"],
  ["half", "lastPieces", "soldOut"],
];
/** When several are due at once, the first of this list is said. */
const PRIORITY: readonly DropHostMoment[] = [
  "soldOut",
  "drawn",
  "ended",
  "reveal",
  "countdown",
  "entriesClosed",
  "lastPieces",
  "half",
  "earlyAccess",
  "welcome",
];
const TIMED = new Set<DropHostMoment>(["countdown", "reveal", "soldOut", "drawn", "ended"]);
const HEADLINES = new Set<DropHostMoment>(["reveal", "soldOut", "drawn"]);

const ANIM: Record<DropHostMoment, HostAnim> = {
  welcome: HostAnim.wave,
  earlyAccess: HostAnim.point,
  countdown: HostAnim.point,
  reveal: HostAnim.present,
  entriesClosed: HostAnim.point,
  drawn: HostAnim.present,
  ended: HostAnim.wave,
  half: HostAnim.point,
  lastPieces: HostAnim.point,
  soldOut: HostAnim.wave,
};
const MODE: Record<DropHostMoment, HostMode> = {
  welcome: "greet",
  earlyAccess: "announce",
  countdown: "announce",
  reveal: "present",
  entriesClosed: "announce",
  drawn: "present",
  ended: "greet",
  half: "announce",
  lastPieces: "announce",
  soldOut: "present",
};

/** Units below which the host speaks of "the last pieces" (at least 1). */
export function lastPiecesThreshold(stock: number): number {
  return Math.max(1, Math.ceil(stock * 0.1));
}

function due(moment: DropHostMoment, d: DropHostDrop, now: number): boolean {
  const fcfs = d.mode !== "raffle";
  const saleOpen = now >= Math.min(d.earlyAccessStartsAt, d.publicStartsAt) && now < d.endsAt;
  const soldOut = fcfs && d.soldOutAt > 0 && now >= d.soldOutAt;
  switch (moment) {
    case "welcome":
      // After that, the reveal (or the close) is the welcome.
      return now < d.publicStartsAt - DROP_HOST_COUNTDOWN_MS;
    case "earlyAccess":
      return (
        d.earlyAccessStartsAt < d.publicStartsAt &&
        now >= d.earlyAccessStartsAt &&
        now < d.publicStartsAt - DROP_HOST_COUNTDOWN_MS &&
        !soldOut
      );
    case "countdown":
      return now >= d.publicStartsAt - DROP_HOST_COUNTDOWN_MS && now < d.publicStartsAt && !soldOut;
    case "reveal":
      return now >= d.publicStartsAt && now < d.endsAt && !soldOut;
    case "entriesClosed":
      return !fcfs && d.entriesCloseAt > 0 && now >= d.entriesCloseAt && d.drawnAt === 0 && now < d.endsAt;
    case "drawn":
      return !fcfs && d.drawnAt > 0 && now >= d.drawnAt;
    case "ended":
      return now >= d.endsAt;
    case "half":
      return (
        fcfs &&
        saleOpen &&
        !soldOut &&
        d.stock > 1 &&
        d.remaining <= d.stock / 2 &&
        d.remaining > lastPiecesThreshold(d.stock)
      );
    case "lastPieces":
      return (
        fcfs &&
        saleOpen &&
        !soldOut &&
        d.remaining > 0 &&
        d.remaining < d.stock &&
        d.remaining <= lastPiecesThreshold(d.stock)
      );
    case "soldOut":
      return soldOut && now < d.endsAt + 60_000;
  }
}

/** How long a line stays up: long enough to read it; headlines longer. */
export function dropLineDuration(moment: DropHostMoment, line: LocalizedLine): number {
  const read = Math.min(14_000, 3500 + 55 * line.en.length);
  return HEADLINES.has(moment) ? Math.max(DROP_HOST_HEADLINE_MS, read) : read;
}

/**
 * One step at `nowMs`: returns the next memory (a new object; `prev` is left as it was). A new line
 * has a new `lineId`; between lines the host keeps the last line's animation while it shows, then idles.
 */
export function stepDropHost(prev: DropHostMemory, drop: DropHostDrop, nowMs: number): DropHostMemory {
  const said = new Set(prev.said);
  const next = PRIORITY.find((m) => !said.has(m) && due(m, drop, nowMs));
  const canSpeak =
    next !== undefined &&
    (TIMED.has(next) || (nowMs - prev.lastLineAt >= DROP_HOST_MIN_GAP_MS && nowMs >= prev.lineUntil));
  if (next !== undefined && canSpeak) {
    // The moment and every earlier moment of its track are spent.
    for (const track of TRACKS) {
      const i = track.indexOf(next);
      if (i >= 0) for (const m of track.slice(0, i + 1)) said.add(m);
    }
    const line = dropHostLine(next, drop);
    return {
      said: DROP_HOST_MOMENTS.filter((m) => said.has(m)),
      moment: next,
      lineId: prev.lineId + 1,
      line,
      lineUntil: nowMs + dropLineDuration(next, line),
      lastLineAt: nowMs,
      anim: ANIM[next],
      mode: MODE[next],
    };
  }
  const showing = nowMs < prev.lineUntil;
  const anim = showing && prev.moment ? ANIM[prev.moment] : HostAnim.idle;
  const mode: HostMode =
    showing && prev.moment ? MODE[prev.moment] : nowMs >= drop.publicStartsAt ? "present" : "announce";
  if (anim === prev.anim && mode === prev.mode) return prev;
  return { ...prev, anim, mode };
}

type Words = Record<Locale, string>;

/** The line for a moment, in every locale (times as line tokens the reader's client formats). */
export function dropHostLine(moment: DropHostMoment, d: DropHostDrop): LocalizedLine {
  const when = countdownToken(d.publicStartsAt);
  const at = timeToken(d.publicStartsAt);
  const fill = (words: Words): LocalizedLine => {
    const out = {} as LocalizedLine;
    for (const locale of LOCALES) {
      const name = d.productName[locale] || d.productName.en;
      out[locale] = words[locale]
        .replaceAll("{product}", name)
        .replaceAll("{when}", when)
        .replaceAll("{at}", at)
        .replaceAll("{close}", timeToken(d.entriesCloseAt))
        .replaceAll("{n}", String(d.remaining));
    }
    return out;
  };
  return fill(WORDS[moment](d));
}

const WORDS: Record<DropHostMoment, (d: DropHostDrop) => Words> = {
  welcome: () => ({
    en: "Welcome. {product} is revealed {when}, at {at}. I will be right here beside it.",
    fr: "Bienvenue. {product} sera dévoilé {when}, à {at}. Je reste ici, à ses côtés.",
    de: "Willkommen. {product} wird {when} enthüllt, um {at}. Ich bleibe gleich hier daneben.",
    "zh-CN": "欢迎光临。{product}将于{when}揭晓（{at}）。我会一直在这里陪伴。",
  }),
  earlyAccess: () => ({
    en: "Early access is open: pass holders first. For everyone else, the doors open {when}, at {at}.",
    fr: "L'accès anticipé est ouvert : les détenteurs de pass d'abord. Pour tous, les portes s'ouvrent {when}, à {at}.",
    de: "Der Vorabzugang ist geöffnet: zuerst die Passinhaber. Für alle anderen öffnen sich die Türen {when}, um {at}.",
    "zh-CN": "抢先体验已开启：通行证持有者优先。其他宾客将于{when}（{at}）入场。",
  }),
  countdown: () => ({
    en: "Ten seconds. At {at}, the curtain rises.",
    fr: "Dix secondes. À {at}, le rideau se lève.",
    de: "Zehn Sekunden. Um {at} hebt sich der Vorhang.",
    "zh-CN": "还有十秒。{at}，帷幕即将拉开。",
  }),
  reveal: (d) =>
    d.mode === "raffle"
      ? {
          en: "Here it is: {product}. Entries are open to everyone until {close}; the draw follows.",
          fr: "Voici {product}. Les inscriptions sont ouvertes à tous jusqu'à {close} ; le tirage suivra.",
          de: "Hier ist es: {product}. Die Teilnahme steht allen bis {close} offen; danach folgt die Ziehung.",
          "zh-CN": "隆重揭晓：{product}。抽签报名向所有人开放至{close}，随后开奖。",
        }
      : {
          en: "Here it is: {product}. The drop is open to everyone, first come, first served.",
          fr: "Voici {product}. La vente est ouverte à tous, premier arrivé, premier servi.",
          de: "Hier ist es: {product}. Der Drop ist für alle geöffnet – wer zuerst kommt, wird zuerst bedient.",
          "zh-CN": "隆重揭晓：{product}。现向所有人开放，先到先得。",
        },
  entriesClosed: () => ({
    en: "Entries are closed. The draw comes next: good luck to every one of you.",
    fr: "Les inscriptions sont closes. Place au tirage : bonne chance à chacune et à chacun.",
    de: "Die Teilnahme ist geschlossen. Als Nächstes folgt die Ziehung: viel Glück Ihnen allen.",
    "zh-CN": "报名已截止。接下来是抽签：祝各位好运。",
  }),
  drawn: () => ({
    en: "The draw is done and the winners have been told. Thank you all for taking part.",
    fr: "Le tirage a eu lieu et les gagnants sont prévenus. Merci à toutes et à tous d'avoir participé.",
    de: "Die Ziehung ist erfolgt, die Gewinner sind benachrichtigt. Vielen Dank an alle für Ihre Teilnahme.",
    "zh-CN": "抽签已完成，中签者已获通知。感谢各位的参与。",
  }),
  ended: () => ({
    en: "The drop has closed. Thank you for being here with us.",
    fr: "La vente est close. Merci d'avoir été des nôtres.",
    de: "Der Drop ist beendet. Danke, dass Sie bei uns waren.",
    "zh-CN": "本次发售已结束。感谢您的光临。",
  }),
  half: () => ({
    en: "Half of the pieces have already found their owners.",
    fr: "La moitié des pièces ont déjà trouvé preneur.",
    de: "Die Hälfte der Stücke hat bereits ihre Besitzer gefunden.",
    "zh-CN": "已有一半的作品觅得主人。",
  }),
  lastPieces: () => ({
    en: "The last pieces: only {n} left.",
    fr: "Les dernières pièces : plus que {n}.",
    de: "Die letzten Stücke: nur noch {n}.",
    "zh-CN": "最后几件：仅剩{n}件。",
  }),
  soldOut: () => ({
    en: "Sold out. Thank you, all of you: {product} has found its owners. It was a pleasure to share this moment.",
    fr: "Épuisé. Merci à toutes et à tous : {product} a trouvé ses propriétaires. Ce fut un plaisir de partager ce moment.",
    de: "Ausverkauft. Vielen Dank Ihnen allen: {product} hat seine Besitzer gefunden. Es war mir eine Freude, diesen Moment mit Ihnen zu teilen.",
    "zh-CN": "已售罄。感谢各位：{product}已觅得主人。很荣幸与您共享这一刻。",
  }),
};
