/**
 * Service messages about appointments (confirmations, changes, reminders, a guest's invitation), in
 * every language we serve. They are not outreach: the client asked for the appointment, so they are
 * not gated by marketing consent and not counted by the frequency cap.
 */
import type { Locale } from "../../shared/constants.ts";

export type ServiceKind =
  | "booked_client"
  | "booked_advisor"
  | "rescheduled"
  | "cancelled"
  | "reminder_client"
  | "reminder_advisor"
  | "guest_invitation";

type Text = { subject: string; body: string };

const TEXTS: Record<ServiceKind, Record<Locale, Text>> = {
  booked_client: {
    en: {
      subject: "Your appointment with {{brandName}}",
      body: "Your appointment with {{advisorName}} of {{brandName}} is booked for {{startsAt}}.",
    },
    fr: {
      subject: "Votre rendez-vous avec {{brandName}}",
      body: "Votre rendez-vous avec {{advisorName}} de {{brandName}} est confirmé pour le {{startsAt}}.",
    },
    de: {
      subject: "Ihr Termin bei {{brandName}}",
      body: "Ihr Termin mit {{advisorName}} von {{brandName}} ist für {{startsAt}} gebucht.",
    },
    "zh-CN": {
      subject: "您与{{brandName}}的预约",
      body: "您已预约{{brandName}}的{{advisorName}}，时间为{{startsAt}}。",
    },
  },
  booked_advisor: {
    en: {
      subject: "New appointment: {{clientName}}",
      body: "{{clientName}} booked an appointment with you for {{startsAt}}.",
    },
    fr: {
      subject: "Nouveau rendez-vous : {{clientName}}",
      body: "{{clientName}} a réservé un rendez-vous avec vous pour le {{startsAt}}.",
    },
    de: {
      subject: "Neuer Termin: {{clientName}}",
      body: "{{clientName}} hat einen Termin bei Ihnen für {{startsAt}} gebucht.",
    },
    "zh-CN": { subject: "新预约：{{clientName}}", body: "{{clientName}}预约了您，时间为{{startsAt}}。" },
  },
  rescheduled: {
    en: {
      subject: "Appointment moved to {{startsAt}}",
      body: "The appointment between {{clientName}} and {{advisorName}} of {{brandName}} is now on {{startsAt}}.",
    },
    fr: {
      subject: "Rendez-vous déplacé au {{startsAt}}",
      body: "Le rendez-vous entre {{clientName}} et {{advisorName}} de {{brandName}} a lieu désormais le {{startsAt}}.",
    },
    de: {
      subject: "Termin verschoben auf {{startsAt}}",
      body: "Der Termin zwischen {{clientName}} und {{advisorName}} von {{brandName}} findet jetzt am {{startsAt}} statt.",
    },
    "zh-CN": {
      subject: "预约已改至{{startsAt}}",
      body: "{{clientName}}与{{brandName}}的{{advisorName}}的预约已改至{{startsAt}}。",
    },
  },
  cancelled: {
    en: {
      subject: "Appointment cancelled",
      body: "The appointment between {{clientName}} and {{advisorName}} of {{brandName}} on {{startsAt}} is cancelled.",
    },
    fr: {
      subject: "Rendez-vous annulé",
      body: "Le rendez-vous entre {{clientName}} et {{advisorName}} de {{brandName}} du {{startsAt}} est annulé.",
    },
    de: {
      subject: "Termin abgesagt",
      body: "Der Termin zwischen {{clientName}} und {{advisorName}} von {{brandName}} am {{startsAt}} ist abgesagt.",
    },
    "zh-CN": {
      subject: "预约已取消",
      body: "{{clientName}}与{{brandName}}的{{advisorName}}在{{startsAt}}的预约已取消。",
    },
  },
  reminder_client: {
    en: {
      subject: "Reminder: {{brandName}}, {{startsAt}}",
      body: "A reminder of your appointment with {{advisorName}} of {{brandName}} on {{startsAt}}. The private salon opens ten minutes before.",
    },
    fr: {
      subject: "Rappel : {{brandName}}, {{startsAt}}",
      body: "Rappel de votre rendez-vous avec {{advisorName}} de {{brandName}} le {{startsAt}}. Le salon privé ouvre dix minutes avant.",
    },
    de: {
      subject: "Erinnerung: {{brandName}}, {{startsAt}}",
      body: "Eine Erinnerung an Ihren Termin mit {{advisorName}} von {{brandName}} am {{startsAt}}. Der private Salon öffnet zehn Minuten vorher.",
    },
    "zh-CN": {
      subject: "提醒：{{brandName}}，{{startsAt}}",
      body: "提醒您与{{brandName}}的{{advisorName}}的预约时间为{{startsAt}}。私人沙龙将提前十分钟开放。",
    },
  },
  reminder_advisor: {
    en: {
      subject: "Reminder: {{clientName}}, {{startsAt}}",
      body: "Your appointment with {{clientName}} is on {{startsAt}}.",
    },
    fr: {
      subject: "Rappel : {{clientName}}, {{startsAt}}",
      body: "Votre rendez-vous avec {{clientName}} a lieu le {{startsAt}}.",
    },
    de: {
      subject: "Erinnerung: {{clientName}}, {{startsAt}}",
      body: "Ihr Termin mit {{clientName}} ist am {{startsAt}}.",
    },
    "zh-CN": {
      subject: "提醒：{{clientName}}，{{startsAt}}",
      body: "您与{{clientName}}的预约时间为{{startsAt}}。",
    },
  },
  guest_invitation: {
    en: {
      subject: "{{clientName}} invites you to a private appointment",
      body: "{{clientName}} invites you to join their appointment with {{brandName}} on {{startsAt}}. Your link: {{link}}",
    },
    fr: {
      subject: "{{clientName}} vous invite à un rendez-vous privé",
      body: "{{clientName}} vous invite à son rendez-vous avec {{brandName}} le {{startsAt}}. Votre lien : {{link}}",
    },
    de: {
      subject: "{{clientName}} lädt Sie zu einem privaten Termin ein",
      body: "{{clientName}} lädt Sie zu einem Termin bei {{brandName}} am {{startsAt}} ein. Ihr Link: {{link}}",
    },
    "zh-CN": {
      subject: "{{clientName}}邀请您参加私人预约",
      body: "{{clientName}}邀请您参加其与{{brandName}}在{{startsAt}}的预约。您的链接：{{link}}",
    },
  },
};

/** The text of a service message in `language` (English when it is not one we serve). */
export function serviceText(
  kind: ServiceKind,
  language: string,
  values: Record<string, string>,
): Text & { language: Locale } {
  const lang = (language in TEXTS[kind] ? language : "en") as Locale;
  const text = TEXTS[kind][lang];
  const fill = (s: string) =>
    s.replace(/\{\{(\w+)\}\}/g, (_, field: string) => {
      const value = values[field];
      if (value === undefined) throw new Error(`service text ${kind} needs ${field}`);
      return value;
    });
  return { subject: fill(text.subject), body: fill(text.body), language: lang };
}
