/** Every UI string in en: the core strings and each feature's, under the feature's name. */
import a11y from "../locales/a11y/en.json" with { type: "json" };
import admin from "../locales/admin/en.json" with { type: "json" };
import analytics from "../locales/analytics/en.json" with { type: "json" };
import clienteling from "../locales/clienteling/en.json" with { type: "json" };
import collectibles from "../locales/collectibles/en.json" with { type: "json" };
import drops from "../locales/drops/en.json" with { type: "json" };
import core from "../locales/en.json" with { type: "json" };
import events from "../locales/events/en.json" with { type: "json" };
import host from "../locales/host/en.json" with { type: "json" };
import portal from "../locales/portal/en.json" with { type: "json" };
import viewer from "../locales/viewer/en.json" with { type: "json" };
import wallet from "../locales/wallet/en.json" with { type: "json" };

export default {
  ...core,
  portal,
  viewer,
  drops,
  wallet,
  host,
  collectibles,
  events,
  clienteling,
  a11y,
  admin,
  analytics,
};
