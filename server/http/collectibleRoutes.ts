/**
 * Collectible routes (declared in shared/api/collectibles.ts), mounted under `/api`: a brand's
 * collectibles and grants, and every sale or transfer path, refused. The owners' copies and their
 * files are in copyRoutes.ts; certificates and vitrines in vitrineRoutes.ts.
 */
import type express from "express";
import type { Request } from "express";
import { collectibles as api } from "../../shared/api/index.ts";
import { OWNERSHIP_KEYS } from "../../shared/collectibles.ts";
import { CollectibleNotTransferable } from "../collectibles/collectibleErrors.ts";
import { createCollectible, listBrandCollectibles } from "../collectibles/collectibles.ts";
import { grantByEmails, grantToCurrentPassHolders } from "../collectibles/grants.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { requireBrand } from "./brandOf.ts";
import { endpointRouter, type Route, route } from "./endpointRouter.ts";

export type CollectibleRoutesDeps = { database: Database; clock: Clock };

/** The keys of a JSON object body (none for anything else). */
export function bodyKeys(req: Request): string[] {
  return typeof req.body === "object" && req.body !== null && !Array.isArray(req.body)
    ? Object.keys(req.body as object)
    : [];
}

/** Keys of a grant that would hand over a copy someone already owns. */
const MOVING_GRANT_KEYS: readonly string[] = [
  "copyId",
  "copyIds",
  "fromUserId",
  "fromEmail",
  ...OWNERSHIP_KEYS,
];

/** Every declared sale or transfer path, refused with the action it tried. */
function refusedTransferRoutes(): Route[] {
  return api.refusedTransfers.map((endpoint) =>
    route(endpoint, {
      handle: ({ req }) => {
        throw new CollectibleNotTransferable(endpoint.id.replace("collectibles.refused.", ""), req.path);
      },
    }),
  );
}

export function createCollectibleRoutes({ database, clock }: CollectibleRoutesDeps): express.Router {
  const routes = [
    route(api.brandCollectibles, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: async ({ params }) => ({ collectibles: await listBrandCollectibles(database, params.brandId) }),
    }),
    route(api.createCollectible, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: async ({ params, body, user }) => {
        const created = await createCollectible(database, params.brandId, body, user, clock);
        if (created.obtainedBy !== "pass" || created.sourceId === null) return created;
        // A pass collectible goes to the programme's current holders at once: answer its count.
        await grantToCurrentPassHolders(database, created.id, created.sourceId, clock);
        const listed = await listBrandCollectibles(database, params.brandId);
        return listed.find((c) => c.id === created.id) ?? created;
      },
    }),
    route(api.grantCollectible, {
      // Before the strict body schema, which would only call such keys unknown.
      before: ({ req }) => {
        const moving = bodyKeys(req).filter((k) => MOVING_GRANT_KEYS.includes(k));
        if (moving.length > 0)
          throw new CollectibleNotTransferable(`grant_names_${moving.join("_")}`, req.path);
      },
      handle: ({ params, body, user }) => grantByEmails(database, params.id, body, user.id, clock),
    }),
    ...refusedTransferRoutes(),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
