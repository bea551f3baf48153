/**
 * What the host says on an event's stage when its script does not say it, in every locale.
 * Placeholders are filled by the host before she speaks (`{title}`, `{host}`, `{presenter}`,
 * `{product}`, `{brand}`); `{when}` and `{at}` become line tokens each reader's page formats.
 */
import type { LocalizedText } from "../catalog.ts";

export type EventHostWord =
  | "welcomeCohost"
  | "welcomePresent"
  | "openingCohost"
  | "openingPresent"
  | "dropSoon"
  | "countdown"
  | "dropMoments"
  | "reveal"
  | "revealDraw"
  | "closing";

export const EVENT_HOST_WORDS: Record<EventHostWord, LocalizedText> = {
  welcomeCohost: {
    en: "Welcome to {title}. I am {host}; {presenter} begins {when}, at {at}. Settle in, the best seats are yours.",
    fr: "Bienvenue à {title}. Je suis {host} ; {presenter} commence {when}, à {at}. Installez-vous, les meilleures places sont à vous.",
    de: "Willkommen zu {title}. Ich bin {host}; {presenter} beginnt {when}, um {at}. Machen Sie es sich bequem, die besten Plätze gehören Ihnen.",
    "zh-CN": "欢迎来到{title}。我是{host}；{presenter}将于{when}（{at}）开场。请就座，最好的位置留给您。",
  },
  welcomePresent: {
    en: "Welcome to {title}. I am {host}, and I will present it to you {when}, at {at}.",
    fr: "Bienvenue à {title}. Je suis {host}, et je vous le présenterai {when}, à {at}.",
    de: "Willkommen zu {title}. Ich bin {host} und präsentiere es Ihnen {when}, um {at}.",
    "zh-CN": "欢迎来到{title}。我是{host}，将于{when}（{at}）为您呈现。",
  },
  openingCohost: {
    en: "We are live. Please welcome {presenter}.",
    fr: "Nous sommes en direct. Accueillons {presenter}.",
    de: "Wir sind live. Begrüßen Sie mit mir {presenter}.",
    "zh-CN": "直播开始。让我们欢迎{presenter}。",
  },
  openingPresent: {
    en: "Good evening, and welcome to {title}. Let us begin.",
    fr: "Bonsoir, et bienvenue à {title}. Commençons.",
    de: "Guten Abend und willkommen zu {title}. Beginnen wir.",
    "zh-CN": "晚上好，欢迎来到{title}。我们开始吧。",
  },
  dropSoon: {
    en: "A reminder: {product} opens {when}, at {at}, right here during the show.",
    fr: "Un rappel : {product} sera proposé {when}, à {at}, ici même pendant l'émission.",
    de: "Zur Erinnerung: {product} startet {when}, um {at}, genau hier während der Show.",
    "zh-CN": "温馨提示：{product}将于{when}（{at}）在本场直播中开售。",
  },
  countdown: {
    en: "The countdown has begun: {product} opens {when}. Keep its card at hand.",
    fr: "Le compte à rebours a commencé : {product} ouvre {when}. Gardez sa fiche sous la main.",
    de: "Der Countdown läuft: {product} startet {when}. Halten Sie die Karte bereit.",
    "zh-CN": "倒计时开始：{product}将于{when}开售。请留意商品卡片。",
  },
  dropMoments: {
    en: "Only moments now: at {at}, {product}.",
    fr: "Plus que quelques instants : à {at}, {product}.",
    de: "Nur noch wenige Augenblicke: um {at}, {product}.",
    "zh-CN": "只剩片刻：{at}，{product}。",
  },
  reveal: {
    en: "Here it is: {product}. The drop is open, first come, first served.",
    fr: "Voici {product}. La vente est ouverte, premier arrivé, premier servi.",
    de: "Hier ist es: {product}. Der Drop ist geöffnet – wer zuerst kommt, wird zuerst bedient.",
    "zh-CN": "隆重揭晓：{product}。现已开售，先到先得。",
  },
  revealDraw: {
    en: "Here it is: {product}. Entries to the draw are open to everyone now.",
    fr: "Voici {product}. Les inscriptions au tirage sont ouvertes à tous.",
    de: "Hier ist es: {product}. Die Teilnahme an der Ziehung steht jetzt allen offen.",
    "zh-CN": "隆重揭晓：{product}。抽签报名现已向所有人开放。",
  },
  closing: {
    en: "Thank you for being with us for {title}. Until the next time on the avenue.",
    fr: "Merci d'avoir été avec nous pour {title}. À très bientôt sur l'avenue.",
    de: "Danke, dass Sie bei {title} dabei waren. Bis zum nächsten Mal auf der Avenue.",
    "zh-CN": "感谢您参与{title}。我们大道上再会。",
  },
};
