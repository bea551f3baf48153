/** Wishlist routes for signed-in shoppers (declared in shared/api/models.ts), mounted under `/api`. */
import type express from "express";
import { models } from "../../shared/api/index.ts";
import { recordWishlist } from "../analytics/productFacts.ts";
import type { Database } from "../db/database.ts";
import { addToWishlist, getWishlist, removeFromWishlist } from "../models/wishlist.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export function createWishlistRoutes({ database }: { database: Database }): express.Router {
  const routes = [
    route(models.wishlist, { handle: ({ user }) => getWishlist(database, user.id) }),
    route(models.addToWishlist, {
      handle: async ({ user, params }) => {
        const answer = await addToWishlist(database, user.id, params.productId);
        recordWishlist(answer, user.id, params.productId);
        return answer;
      },
    }),
    route(models.removeFromWishlist, {
      handle: ({ user, params }) => removeFromWishlist(database, user.id, params.productId),
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
