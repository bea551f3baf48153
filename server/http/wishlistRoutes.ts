/**
 * Wishlist routes for signed-in shoppers, mounted under `/api`:
 *
 * - `GET    /wishlist`               the caller's wishlist
 * - `PUT    /wishlist/:productId`    keep a published product (idempotent)
 * - `DELETE /wishlist/:productId`    remove it (204 even when it was not there)
 */
import express from "express";
import type { Database } from "../db/database.ts";
import { requireUser } from "../drops/routeSupport.ts";
import { addToWishlist, getWishlist, removeFromWishlist } from "../models/wishlist.ts";
import { routeParam } from "./productRoutes.ts";

export function createWishlistRoutes({ database }: { database: Database }): express.Router {
  const router = express.Router();
  router.use("/wishlist", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/wishlist", async (req, res) => {
    const user = await requireUser(database, req);
    res.json(await getWishlist(database, user.id));
  });

  router.put("/wishlist/:productId", async (req, res) => {
    const user = await requireUser(database, req);
    res.json(await addToWishlist(database, user.id, routeParam(req, "productId")));
  });

  router.delete("/wishlist/:productId", async (req, res) => {
    const user = await requireUser(database, req);
    await removeFromWishlist(database, user.id, routeParam(req, "productId"));
    res.status(204).end();
  });

  return router;
}
