/**
 * The host's built-in phrasing of answers built from what Vitrine knows (the facts come from the
 * catalog, the drops and the script; only the sentence around them lives here). Placeholders are
 * filled by fillLine; `{price}`, `{when}` and `{countdown}` hold line tokens.
 */
import type { LocalizedText } from "../catalog.ts";

type Phrase = LocalizedText & { fr: string; de: string; "zh-CN": string };

export const ANSWER_LINES = {
  price: {
    en: "{product} by {brand} is {price}.",
    fr: "{product} de {brand} est à {price}.",
    de: "{product} von {brand} kostet {price}.",
    "zh-CN": "{brand}的{product}售价{price}。",
  },
  priceAmbiguous: {
    en: "Which one do you mean: {options}?",
    fr: "De laquelle parlez-vous : {options} ?",
    de: "Welches meinen Sie: {options}?",
    "zh-CN": "您指的是哪一件：{options}？",
  },
  productInfo: {
    en: "{product} by {brand}: {description} {price}. Let me show you.",
    fr: "{product} de {brand} : {description} {price}. Je vous la montre.",
    de: "{product} von {brand}: {description} {price}. Ich zeige es Ihnen.",
    "zh-CN": "{brand}的{product}：{description}售价{price}。我带您去看。",
  },
  brandProducts: {
    en: "At {brand}: {list}.",
    fr: "Chez {brand} : {list}.",
    de: "Bei {brand}: {list}.",
    "zh-CN": "{brand}的作品：{list}。",
  },
  where: {
    en: "{brand} is on the {side} of the avenue, {position}. Shall I take you there?",
    fr: "{brand} se trouve sur le côté {side} de l'avenue, {position}. Voulez-vous que je vous y conduise ?",
    de: "{brand} liegt auf der {side} Seite der Avenue, {position}. Soll ich Sie hinbringen?",
    "zh-CN": "{brand}位于大道{side}，{position}。要我带您过去吗？",
  },
  lead: {
    en: "With pleasure: follow me to {brand}.",
    fr: "Avec plaisir : suivez-moi jusqu'à {brand}.",
    de: "Sehr gern: Folgen Sie mir zu {brand}.",
    "zh-CN": "乐意效劳：请随我前往{brand}。",
  },
  dropNext: {
    en: "{drop} by {brand} opens to everyone {countdown}, at {when}.",
    fr: "{drop} de {brand} ouvre à tous {countdown}, à {when}.",
    de: "{drop} von {brand} öffnet für alle {countdown}, um {when}.",
    "zh-CN": "{brand}的{drop}将于{countdown}向所有人开放（{when}）。",
  },
  dropEarly: {
    en: "{drop} by {brand} opens early to pass holders {countdown}, at {when}, and to everyone at {publicWhen}.",
    fr: "{drop} de {brand} ouvre en avant-première aux détenteurs de pass {countdown}, à {when}, puis à tous à {publicWhen}.",
    de: "{drop} von {brand} öffnet für Passinhaber {countdown}, um {when}, und für alle um {publicWhen}.",
    "zh-CN": "{brand}的{drop}将于{countdown}（{when}）向通行证持有者提前开放，{publicWhen}向所有人开放。",
  },
  dropOpenNow: {
    en: "{drop} by {brand} is open now, until {when}.",
    fr: "{drop} de {brand} est ouvert en ce moment, jusqu'à {when}.",
    de: "{drop} von {brand} ist jetzt geöffnet, bis {when}.",
    "zh-CN": "{brand}的{drop}正在发售中，截止到{when}。",
  },
  noDrop: {
    en: "No drop is scheduled at the moment; I'll announce the next one here on the avenue.",
    fr: "Aucun drop n'est prévu pour le moment ; j'annoncerai le prochain ici même, sur l'avenue.",
    de: "Im Moment ist kein Drop geplant; den nächsten kündige ich hier auf der Avenue an.",
    "zh-CN": "目前没有安排发售；下一次发售我会在大道上宣布。",
  },
  event: {
    en: "{title}: {when}. {description}",
    fr: "{title} : {when}. {description}",
    de: "{title}: {when}. {description}",
    "zh-CN": "{title}：{when}。{description}",
  },
  noEvent: {
    en: "No event is scheduled on the avenue right now.",
    fr: "Aucun événement n'est prévu sur l'avenue pour l'instant.",
    de: "Derzeit ist auf der Avenue keine Veranstaltung geplant.",
    "zh-CN": "目前大道上没有安排活动。",
  },
  tour: {
    en: "With pleasure, follow me!",
    fr: "Avec plaisir, suivez-moi !",
    de: "Sehr gern, folgen Sie mir!",
    "zh-CN": "乐意之至，请跟我来！",
  },
  noTour: {
    en: "I have no tour ready today, but ask me about any maison and I'll take you there.",
    fr: "Je n'ai pas de visite prête aujourd'hui, mais demandez-moi n'importe quelle maison et je vous y conduis.",
    de: "Heute habe ich keinen Rundgang vorbereitet, aber fragen Sie nach jedem Haus, und ich bringe Sie hin.",
    "zh-CN": "今天没有准备导览，不过您可以问我任何一家品牌，我带您过去。",
  },
  advisorBrand: {
    en: "{brand}'s advisor can help you in person. Shall I take you to {brand}'s advisor?",
    fr: "Le conseiller de {brand} peut vous aider en personne. Voulez-vous que je vous conduise au conseiller de {brand} ?",
    de: "Die Beratung von {brand} hilft Ihnen persönlich. Soll ich Sie zur Beratung von {brand} bringen?",
    "zh-CN": "{brand}的顾问可以亲自为您服务。要我带您去见{brand}的顾问吗？",
  },
  advisorLive: {
    en: "An advisor of {brand} is online now: the wait is about {wait} minutes. Shall I take you to {brand} to wait for them?",
    fr: "Un conseiller de {brand} est en ligne : l'attente est d'environ {wait} minutes. Voulez-vous que je vous conduise chez {brand} pour l'attendre ?",
    de: "Eine Beratung von {brand} ist jetzt online: Die Wartezeit beträgt etwa {wait} Minuten. Soll ich Sie zu {brand} bringen, um dort zu warten?",
    "zh-CN": "{brand}现在有顾问在线，预计等待约{wait}分钟。要我带您去{brand}等候吗？",
  },
  advisorSlots: {
    en: "{brand}'s advisors can see you in a private salon: {slots}. Shall I take you to {brand} to book one?",
    fr: "Les conseillers de {brand} peuvent vous recevoir dans un salon privé : {slots}. Voulez-vous que je vous conduise chez {brand} pour réserver ?",
    de: "Die Beratung von {brand} empfängt Sie in einem privaten Salon: {slots}. Soll ich Sie zu {brand} bringen, um einen Termin zu buchen?",
    "zh-CN": "{brand}的顾问可以在私人沙龙接待您：{slots}。要我带您去{brand}预约吗？",
  },
  who: {
    en: "I'm {name}, the host of the avenue. {bio}",
    fr: "Je suis {name}, l'hôtesse de l'avenue. {bio}",
    de: "Ich bin {name}, die Gastgeberin der Avenue. {bio}",
    "zh-CN": "我是{name}，大道的主持人。{bio}",
  },
  greeting: {
    en: "Hello {asker}! How can I help you?",
    fr: "Bonjour {asker} ! Que puis-je faire pour vous ?",
    de: "Hallo {asker}! Wie kann ich helfen?",
    "zh-CN": "{asker}，您好！有什么可以帮您？",
  },
  thanks: {
    en: "My pleasure, {asker}.",
    fr: "Avec plaisir, {asker}.",
    de: "Gern geschehen, {asker}.",
    "zh-CN": "不客气，{asker}。",
  },
} satisfies Record<string, Phrase>;

export const SIDE_WORDS = {
  left: { en: "left", fr: "gauche", de: "linken", "zh-CN": "左侧" },
  right: { en: "right", fr: "droit", de: "rechten", "zh-CN": "右侧" },
} as const;

export const POSITION_WORDS = {
  north: {
    en: "near the north plaza",
    fr: "près de la place nord",
    de: "nahe dem Nordplatz",
    "zh-CN": "靠近北广场",
  },
  middle: {
    en: "halfway down",
    fr: "à mi-chemin",
    de: "auf halber Strecke",
    "zh-CN": "在大道中段",
  },
  south: {
    en: "near the south plaza",
    fr: "près de la place sud",
    de: "nahe dem Südplatz",
    "zh-CN": "靠近南广场",
  },
} as const;

/** How a list is joined in each locale. */
export const LIST_SEPARATOR = { en: "; ", fr: " ; ", de: "; ", "zh-CN": "；" } as const;
