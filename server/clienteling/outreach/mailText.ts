/** The lines every email from a maison ends with: why the client receives it and how to stop it. */
import type { Locale } from "../../../shared/constants.ts";

const OUTREACH_FOOTER: Record<Locale, string> = {
  en: "You receive this because you asked {{brandName}} to keep in touch by email. You can change or withdraw this at any time in your Vitrine wallet.",
  fr: "Vous recevez ce message car vous avez demandé à {{brandName}} de garder le contact par e-mail. Vous pouvez modifier ou retirer ce choix à tout moment dans votre portefeuille Vitrine.",
  de: "Sie erhalten diese Nachricht, weil Sie {{brandName}} gebeten haben, per E-Mail in Kontakt zu bleiben. Sie können dies jederzeit in Ihrer Vitrine-Wallet ändern oder widerrufen.",
  "zh-CN":
    "您收到此邮件，是因为您同意{{brandName}}通过电子邮件与您保持联系。您可随时在 Vitrine 钱包中更改或撤回此选择。",
};

const SERVICE_FOOTER: Record<Locale, string> = {
  en: "This is a service message about your appointment with {{brandName}} on Vitrine.",
  fr: "Ceci est un message de service concernant votre rendez-vous avec {{brandName}} sur Vitrine.",
  de: "Dies ist eine Service-Nachricht zu Ihrem Termin bei {{brandName}} auf Vitrine.",
  "zh-CN": "这是一条关于您在 Vitrine 上与{{brandName}}预约的服务通知。",
};

/** The email text: the message, then the footer for its kind, in the message's language. */
export function emailText(input: {
  body: string;
  kind: "outreach" | "service";
  language: string;
  brandName: string;
}): string {
  const table = input.kind === "outreach" ? OUTREACH_FOOTER : SERVICE_FOOTER;
  const footer = (table[input.language as Locale] ?? table.en).replace("{{brandName}}", input.brandName);
  return `${input.body}\n\n-- \n${footer}\n`;
}
