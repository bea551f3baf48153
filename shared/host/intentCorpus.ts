/**
 * The host's built-in intents and the utterances its classifier learns them from, in the served
 * languages. Names of products and brands are masked as `xproductx` / `xbrandx` (see entities.ts)
 * before classification, so the utterances use those placeholders. FAQ entries of the scripts add
 * their own intents (`faq:<scope>:<id>`) with their authored questions.
 */
export const HostIntent = {
  nextDrop: "drop.next",
  price: "product.price",
  productInfo: "product.info",
  brandProducts: "brand.products",
  where: "brand.where",
  lead: "brand.lead",
  events: "events.next",
  hours: "avenue.hours",
  tour: "host.tour",
  advisor: "advisor",
  who: "host.who",
  greeting: "smalltalk.greeting",
  thanks: "smalltalk.thanks",
} as const;
export type HostIntent = (typeof HostIntent)[keyof typeof HostIntent];

/** Languages the classifier is trained in (NLP.js codes) and the locale each answers in. */
export const CLASSIFIER_LANGUAGES = { en: "en", fr: "fr", de: "de", zh: "zh-CN" } as const;
export type ClassifierLanguage = keyof typeof CLASSIFIER_LANGUAGES;

type Corpus = Record<HostIntent, Partial<Record<ClassifierLanguage, string[]>>>;

export const INTENT_CORPUS: Corpus = {
  [HostIntent.nextDrop]: {
    en: [
      "when is the next drop",
      "next drop",
      "when does the drop open",
      "what is launching soon",
      "any limited edition coming",
      "when can I buy the limited edition",
      "what time does the release start",
      "is there a drop today",
      "when does early access start",
      "upcoming drops",
      "when does the sale of the limited pieces begin",
      "when does xproductx drop",
    ],
    fr: [
      "quand est le prochain drop",
      "prochain drop",
      "à quelle heure ouvre le drop",
      "quand commence la vente de l'édition limitée",
      "quelles sont les prochaines sorties",
      "y a-t-il un drop aujourd'hui",
      "quand commence l'accès anticipé",
      "la prochaine édition limitée sort quand",
      "c'est quand la prochaine vente limitée",
    ],
    de: [
      "wann ist der nächste drop",
      "wann beginnt der verkauf der limitierten edition",
      "um wie viel uhr öffnet der drop",
      "gibt es heute einen drop",
      "nächste limitierte edition",
    ],
    zh: [
      "下一次发售是什么时候",
      "限量款什么时候开售",
      "今天有发售吗",
      "提前购买什么时候开始",
      "下次限量发售几点开始",
    ],
  },
  [HostIntent.price]: {
    en: [
      "how much is xproductx",
      "what is the price of xproductx",
      "what does xproductx cost",
      "price of xproductx",
      "how expensive is xproductx",
      "how much does the xproductx cost",
      "how much for xproductx",
      "xproductx price",
    ],
    fr: [
      "combien coûte xproductx",
      "quel est le prix de xproductx",
      "prix de xproductx",
      "c'est combien xproductx",
      "xproductx coûte combien",
      "combien vaut xproductx",
    ],
    de: [
      "was kostet xproductx",
      "wie teuer ist xproductx",
      "preis von xproductx",
      "wie viel kostet xproductx",
    ],
    zh: ["xproductx多少钱", "xproductx的价格是多少", "xproductx什么价格", "xproductx价格"],
  },
  [HostIntent.productInfo]: {
    en: [
      "tell me about xproductx",
      "show me xproductx",
      "what is xproductx",
      "can I see xproductx",
      "describe xproductx",
      "present xproductx",
    ],
    fr: [
      "parlez-moi de xproductx",
      "montrez-moi xproductx",
      "qu'est-ce que xproductx",
      "je voudrais voir xproductx",
    ],
    de: ["erzählen sie mir von xproductx", "zeigen sie mir xproductx", "was ist xproductx"],
    zh: ["介绍一下xproductx", "给我看看xproductx", "xproductx是什么"],
  },
  [HostIntent.brandProducts]: {
    en: [
      "what does xbrandx sell",
      "what pieces does xbrandx have",
      "what is in the xbrandx window",
      "show me the xbrandx collection",
      "what can I buy at xbrandx",
    ],
    fr: [
      "que vend xbrandx",
      "quelles pièces a xbrandx",
      "qu'y a-t-il dans la vitrine de xbrandx",
      "la collection de xbrandx",
    ],
    de: ["was verkauft xbrandx", "welche stücke hat xbrandx", "was gibt es bei xbrandx"],
    zh: ["xbrandx卖什么", "xbrandx有哪些作品", "xbrandx的系列"],
  },
  [HostIntent.where]: {
    en: [
      "where is xbrandx",
      "where can I find xbrandx",
      "where is the xbrandx boutique",
      "how do I get to xbrandx",
      "which way to xbrandx",
      "where is the shop of xbrandx",
      "where is xproductx",
    ],
    fr: [
      "où est xbrandx",
      "où se trouve la boutique xbrandx",
      "comment aller chez xbrandx",
      "où trouver xbrandx",
      "où est xproductx",
    ],
    de: [
      "wo ist xbrandx",
      "wo finde ich xbrandx",
      "wie komme ich zu xbrandx",
      "wo ist die boutique von xbrandx",
    ],
    zh: ["xbrandx在哪里", "xbrandx的店在哪", "怎么去xbrandx"],
  },
  [HostIntent.lead]: {
    en: [
      "take me to xbrandx",
      "bring me to xbrandx",
      "can you take me to xbrandx",
      "lead me to xbrandx",
      "walk me to xbrandx",
    ],
    fr: [
      "emmenez-moi chez xbrandx",
      "conduisez-moi chez xbrandx",
      "pouvez-vous m'emmener chez xbrandx",
      "accompagnez-moi chez xbrandx",
    ],
    de: ["bringen sie mich zu xbrandx", "führen sie mich zu xbrandx", "begleiten sie mich zu xbrandx"],
    zh: ["带我去xbrandx", "领我去xbrandx"],
  },
  [HostIntent.events]: {
    en: [
      "what events are coming up",
      "is there an event tonight",
      "when is the opening party",
      "any events this week",
      "what is happening on the avenue",
      "is there an opening evening",
    ],
    fr: [
      "quels sont les prochains événements",
      "y a-t-il un événement ce soir",
      "quand est la soirée d'ouverture",
      "que se passe-t-il sur l'avenue",
      "des événements cette semaine",
    ],
    de: ["welche veranstaltungen gibt es", "gibt es heute abend ein event", "wann ist die eröffnungsfeier"],
    zh: ["最近有什么活动", "今晚有活动吗", "开幕活动是什么时候"],
  },
  [HostIntent.hours]: {
    en: [
      "what are the opening hours",
      "when are you open",
      "when do the boutiques close",
      "what time do the shops open",
      "are the advisors available now",
      "until what time are you open",
    ],
    fr: [
      "quels sont les horaires d'ouverture",
      "à quelle heure ouvrez-vous",
      "quand fermez-vous",
      "les boutiques ferment à quelle heure",
    ],
    de: ["wie sind die öffnungszeiten", "wann haben sie geöffnet", "wann schließen die boutiquen"],
    zh: ["营业时间是什么时候", "几点关门", "几点开门"],
  },
  [HostIntent.tour]: {
    en: [
      "follow me",
      "can you give me a tour",
      "show me around",
      "I would like a guided tour",
      "give me a tour of the avenue",
      "lead the way",
      "can I follow you",
    ],
    fr: [
      "suivez-moi",
      "pouvez-vous me faire visiter",
      "faites-moi visiter l'avenue",
      "je voudrais une visite guidée",
      "une visite s'il vous plaît",
    ],
    de: [
      "führung bitte",
      "können sie mich herumführen",
      "ich möchte eine führung",
      "zeigen sie mir die avenue",
    ],
    zh: ["带我参观", "可以带我逛逛吗", "我想要导览", "跟着你走"],
  },
  [HostIntent.advisor]: {
    en: [
      "I want to talk to a human",
      "can I speak to an advisor",
      "I need a sales assistant",
      "is there someone from xbrandx I can talk to",
      "connect me with a person",
      "I would like to speak with the xbrandx advisor",
    ],
    fr: [
      "je veux parler à un conseiller",
      "puis-je parler à quelqu'un de xbrandx",
      "je voudrais un vendeur",
      "mettez-moi en relation avec une personne",
    ],
    de: ["ich möchte mit einem berater sprechen", "kann ich mit jemandem von xbrandx sprechen"],
    zh: ["我想和顾问聊聊", "可以找人工客服吗"],
  },
  [HostIntent.who]: {
    en: ["who are you", "what is your name", "are you a robot", "what do you do here"],
    fr: [
      "qui êtes-vous",
      "comment vous appelez-vous",
      "tu t'appelles comment",
      "quel est ton nom",
      "êtes-vous un robot",
      "que faites-vous ici",
    ],
    de: ["wer sind sie", "wie heißen sie", "sind sie ein roboter"],
    zh: ["你是谁", "你叫什么名字", "你是机器人吗"],
  },
  [HostIntent.greeting]: {
    en: ["hello", "hi there", "good evening", "hey"],
    fr: ["bonjour", "bonsoir", "salut"],
    de: ["hallo", "guten abend", "guten tag"],
    zh: ["你好", "晚上好"],
  },
  [HostIntent.thanks]: {
    en: ["thank you", "thanks a lot", "great thanks"],
    fr: ["merci", "merci beaucoup"],
    de: ["danke", "vielen dank"],
    zh: ["谢谢", "多谢"],
  },
};
