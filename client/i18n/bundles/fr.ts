/** Every UI string in fr: the core strings and each feature's, under the feature's name. */
import a11y from "../locales/a11y/fr.json" with { type: "json" };
import admin from "../locales/admin/fr.json" with { type: "json" };
import analytics from "../locales/analytics/fr.json" with { type: "json" };
import clienteling from "../locales/clienteling/fr.json" with { type: "json" };
import collectibles from "../locales/collectibles/fr.json" with { type: "json" };
import drops from "../locales/drops/fr.json" with { type: "json" };
import events from "../locales/events/fr.json" with { type: "json" };
import core from "../locales/fr.json" with { type: "json" };
import host from "../locales/host/fr.json" with { type: "json" };
import portal from "../locales/portal/fr.json" with { type: "json" };
import viewer from "../locales/viewer/fr.json" with { type: "json" };
import wallet from "../locales/wallet/fr.json" with { type: "json" };

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
