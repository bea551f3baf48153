/**
 * Every UI string, per language. The core strings live in `locales/<lang>.json`; each feature keeps
 * its own `locales/<feature>/<lang>.json` (so parallel work on features never edits one file), merged
 * here under the feature's name: `t("portal.upload.title")` reads `locales/portal/<lang>.json`.
 */
import type { Locale } from "../../shared/constants.ts";
import clientelingDe from "./locales/clienteling/de.json" with { type: "json" };
import clientelingEn from "./locales/clienteling/en.json" with { type: "json" };
import clientelingFr from "./locales/clienteling/fr.json" with { type: "json" };
import clientelingZh from "./locales/clienteling/zh-CN.json" with { type: "json" };
import collectiblesDe from "./locales/collectibles/de.json" with { type: "json" };
import collectiblesEn from "./locales/collectibles/en.json" with { type: "json" };
import collectiblesFr from "./locales/collectibles/fr.json" with { type: "json" };
import collectiblesZh from "./locales/collectibles/zh-CN.json" with { type: "json" };
import de from "./locales/de.json" with { type: "json" };
import dropsDe from "./locales/drops/de.json" with { type: "json" };
import dropsEn from "./locales/drops/en.json" with { type: "json" };
import dropsFr from "./locales/drops/fr.json" with { type: "json" };
import dropsZh from "./locales/drops/zh-CN.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };
import hostDe from "./locales/host/de.json" with { type: "json" };
import hostEn from "./locales/host/en.json" with { type: "json" };
import hostFr from "./locales/host/fr.json" with { type: "json" };
import hostZh from "./locales/host/zh-CN.json" with { type: "json" };
import portalDe from "./locales/portal/de.json" with { type: "json" };
import portalEn from "./locales/portal/en.json" with { type: "json" };
import portalFr from "./locales/portal/fr.json" with { type: "json" };
import portalZh from "./locales/portal/zh-CN.json" with { type: "json" };
import viewerDe from "./locales/viewer/de.json" with { type: "json" };
import viewerEn from "./locales/viewer/en.json" with { type: "json" };
import viewerFr from "./locales/viewer/fr.json" with { type: "json" };
import viewerZh from "./locales/viewer/zh-CN.json" with { type: "json" };
import walletDe from "./locales/wallet/de.json" with { type: "json" };
import walletEn from "./locales/wallet/en.json" with { type: "json" };
import walletFr from "./locales/wallet/fr.json" with { type: "json" };
import walletZh from "./locales/wallet/zh-CN.json" with { type: "json" };
import zhCN from "./locales/zh-CN.json" with { type: "json" };

export const RESOURCES: Record<Locale, Record<string, unknown>> = {
  en: {
    ...en,
    portal: portalEn,
    viewer: viewerEn,
    drops: dropsEn,
    wallet: walletEn,
    host: hostEn,
    collectibles: collectiblesEn,
    clienteling: clientelingEn,
  },
  fr: {
    ...fr,
    portal: portalFr,
    viewer: viewerFr,
    drops: dropsFr,
    wallet: walletFr,
    host: hostFr,
    collectibles: collectiblesFr,
    clienteling: clientelingFr,
  },
  de: {
    ...de,
    portal: portalDe,
    viewer: viewerDe,
    drops: dropsDe,
    wallet: walletDe,
    host: hostDe,
    collectibles: collectiblesDe,
    clienteling: clientelingDe,
  },
  "zh-CN": {
    ...zhCN,
    portal: portalZh,
    viewer: viewerZh,
    drops: dropsZh,
    wallet: walletZh,
    host: hostZh,
    collectibles: collectiblesZh,
    clienteling: clientelingZh,
  },
};
