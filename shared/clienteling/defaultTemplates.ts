/** The templates every maison starts with, in English, French, German and Simplified Chinese. */
import type { OutreachOccasion, OutreachTemplate } from "./templates.ts";

export const DEFAULT_TEMPLATES: Record<OutreachOccasion, OutreachTemplate> = {
  wishlist_piece_new: {
    subject: {
      en: "Something new about {{productName}}",
      fr: "Du nouveau pour {{productName}}",
      de: "Neuigkeiten zu {{productName}}",
      "zh-CN": "关于{{productName}}的新消息",
    },
    body: {
      en: "Dear {{clientName}},\n\nYou keep {{productName}} on your wishlist, and there is something new about it at {{brandName}}. I would be delighted to show it to you.\n\n{{advisorName}}",
      fr: "{{clientName}},\n\nVous gardez {{productName}} dans vos envies : {{brandName}} a du nouveau à son sujet. Ce sera un plaisir de vous le présenter.\n\n{{advisorName}}",
      de: "Liebe(r) {{clientName}},\n\n{{productName}} steht auf Ihrer Wunschliste, und bei {{brandName}} gibt es dazu Neues. Ich zeige es Ihnen gerne.\n\n{{advisorName}}",
      "zh-CN":
        "{{clientName}}，您好：\n\n您心愿单中的{{productName}}在{{brandName}}有了新消息，我很乐意为您介绍。\n\n{{advisorName}}",
    },
  },
  wishlist_piece_available: {
    subject: {
      en: "{{productName}} is available",
      fr: "{{productName}} est disponible",
      de: "{{productName}} ist verfügbar",
      "zh-CN": "{{productName}}现已有货",
    },
    body: {
      en: "Dear {{clientName}},\n\n{{productName}}, from your wishlist, is available again at {{brandName}}. Shall I set it aside for you to see?\n\n{{advisorName}}",
      fr: "{{clientName}},\n\n{{productName}}, qui figure dans vos envies, est de nouveau disponible chez {{brandName}}. Souhaitez-vous que je vous le réserve pour le découvrir ?\n\n{{advisorName}}",
      de: "Liebe(r) {{clientName}},\n\n{{productName}} von Ihrer Wunschliste ist bei {{brandName}} wieder verfügbar. Darf ich es für Sie zur Ansicht zurücklegen?\n\n{{advisorName}}",
      "zh-CN":
        "{{clientName}}，您好：\n\n您心愿单中的{{productName}}在{{brandName}}重新有货。需要我为您预留一件以便鉴赏吗？\n\n{{advisorName}}",
    },
  },
  drop_suggestion: {
    subject: {
      en: "{{dropTitle}}: a piece you may like",
      fr: "{{dropTitle}} : une pièce qui pourrait vous plaire",
      de: "{{dropTitle}}: ein Stück für Sie",
      "zh-CN": "{{dropTitle}}：您或许会喜欢",
    },
    body: {
      en: "Dear {{clientName}},\n\n{{brandName}} releases {{productName}} in {{dropTitle}} on {{dropStartsAt}}. I thought of you.\n\n{{advisorName}}",
      fr: "{{clientName}},\n\n{{brandName}} présente {{productName}} dans {{dropTitle}} le {{dropStartsAt}}. J'ai pensé à vous.\n\n{{advisorName}}",
      de: "Liebe(r) {{clientName}},\n\n{{brandName}} stellt {{productName}} in {{dropTitle}} am {{dropStartsAt}} vor. Ich habe an Sie gedacht.\n\n{{advisorName}}",
      "zh-CN":
        "{{clientName}}，您好：\n\n{{brandName}}将于{{dropStartsAt}}在{{dropTitle}}中推出{{productName}}，我第一时间想到了您。\n\n{{advisorName}}",
    },
  },
  event_invitation: {
    subject: {
      en: "An invitation: {{eventTitle}}",
      fr: "Une invitation : {{eventTitle}}",
      de: "Eine Einladung: {{eventTitle}}",
      "zh-CN": "诚邀您参加：{{eventTitle}}",
    },
    body: {
      en: "Dear {{clientName}},\n\n{{brandName}} would be honoured to welcome you to {{eventTitle}} on {{eventStartsAt}}.\n\n{{advisorName}}",
      fr: "{{clientName}},\n\n{{brandName}} serait honorée de vous accueillir à {{eventTitle}} le {{eventStartsAt}}.\n\n{{advisorName}}",
      de: "Liebe(r) {{clientName}},\n\n{{brandName}} würde sich freuen, Sie am {{eventStartsAt}} bei {{eventTitle}} zu begrüßen.\n\n{{advisorName}}",
      "zh-CN":
        "{{clientName}}，您好：\n\n{{brandName}}诚挚邀请您于{{eventStartsAt}}出席{{eventTitle}}。\n\n{{advisorName}}",
    },
  },
  birthday: {
    subject: {
      en: "Happy birthday, {{clientName}}",
      fr: "Joyeux anniversaire, {{clientName}}",
      de: "Alles Gute zum Geburtstag, {{clientName}}",
      "zh-CN": "{{clientName}}，生日快乐",
    },
    body: {
      en: "Dear {{clientName}},\n\nEveryone at {{brandName}} wishes you a very happy birthday.\n\n{{advisorName}}",
      fr: "{{clientName}},\n\nToute la maison {{brandName}} vous souhaite un très joyeux anniversaire.\n\n{{advisorName}}",
      de: "Liebe(r) {{clientName}},\n\ndas ganze Haus {{brandName}} wünscht Ihnen alles Gute zum Geburtstag.\n\n{{advisorName}}",
      "zh-CN": "{{clientName}}，您好：\n\n{{brandName}}全体同仁祝您生日快乐。\n\n{{advisorName}}",
    },
  },
};
