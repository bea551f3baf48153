/**
 * Every HTTP endpoint of Vitrine, declared once. The server mounts each through
 * server/http/endpointRouter.ts and the client calls each through client/net/api.ts; the route
 * coverage and authorization matrix tests (tests/integration/http-routes.test.ts,
 * http-authorization.test.ts) walk this list, so a new endpoint is picked up by them as soon as it is
 * added to its domain's list below.
 */
import * as admin from "./admin.ts";
import * as analytics from "./analytics.ts";
import * as auth from "./auth.ts";
import * as clienteling from "./clienteling.ts";
import * as collectibles from "./collectibles.ts";
import * as drops from "./drops.ts";
import type { EndpointSpec } from "./endpoint.ts";
import * as events from "./events.ts";
import * as host from "./host.ts";
import * as models from "./models.ts";
import * as ops from "./ops.ts";
import * as passes from "./passes.ts";

export { admin, analytics, auth, clienteling, collectibles, drops, events, host, models, ops, passes };

/** All declared endpoints, in the order their routers are mounted. */
export const API_ENDPOINTS: readonly EndpointSpec[] = [
  ...auth.authEndpoints,
  ...passes.passEndpoints,
  ...collectibles.collectibleEndpoints,
  ...collectibles.refusedTransfers,
  ...drops.dropEndpoints,
  ...host.hostEndpoints,
  ...models.modelEndpoints,
  ...ops.opsEndpoints,
  ...analytics.analyticsEndpoints,
  ...events.eventEndpoints,
  ...clienteling.clientelingEndpoints,
  ...admin.adminEndpoints,
];
