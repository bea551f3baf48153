/**
 * The words of the host on a drop's stage: one line per moment (see dropHost.ts for when each is
 * said), in every locale, with the product's name and the drop's times filled in as line tokens.
 */
import { LOCALES, type Locale } from "../constants.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import type { DropHostDrop, DropHostMoment } from "./dropHost.ts";
import { countdownToken, timeToken } from "./lineTokens.ts";

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
