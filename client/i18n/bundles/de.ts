/** Every UI string in de: the core strings and each feature's, under the feature's name. */
import a11y from "../locales/a11y/de.json" with { type: "json" };
import admin from "../locales/admin/de.json" with { type: "json" };
import analytics from "../locales/analytics/de.json" with { type: "json" };
import clienteling from "../locales/clienteling/de.json" with { type: "json" };
import collectibles from "../locales/collectibles/de.json" with { type: "json" };
import core from "../locales/de.json" with { type: "json" };
import drops from "../locales/drops/de.json" with { type: "json" };
import events from "../locales/events/de.json" with { type: "json" };
import host from "../locales/host/de.json" with { type: "json" };
import portal from "../locales/portal/de.json" with { type: "json" };
import viewer from "../locales/viewer/de.json" with { type: "json" };
import wallet from "../locales/wallet/de.json" with { type: "json" };

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
