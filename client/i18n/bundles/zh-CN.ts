/** Every UI string in zh-CN: the core strings and each feature's, under the feature's name. */
import a11y from "../locales/a11y/zh-CN.json" with { type: "json" };
import admin from "../locales/admin/zh-CN.json" with { type: "json" };
import analytics from "../locales/analytics/zh-CN.json" with { type: "json" };
import clienteling from "../locales/clienteling/zh-CN.json" with { type: "json" };
import collectibles from "../locales/collectibles/zh-CN.json" with { type: "json" };
import drops from "../locales/drops/zh-CN.json" with { type: "json" };
import events from "../locales/events/zh-CN.json" with { type: "json" };
import host from "../locales/host/zh-CN.json" with { type: "json" };
import portal from "../locales/portal/zh-CN.json" with { type: "json" };
import viewer from "../locales/viewer/zh-CN.json" with { type: "json" };
import wallet from "../locales/wallet/zh-CN.json" with { type: "json" };
import core from "../locales/zh-CN.json" with { type: "json" };

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
