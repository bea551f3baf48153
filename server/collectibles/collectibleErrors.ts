import { ErrorCode } from "../../shared/errors.ts";

/**
 * The refusal every sale or transfer path answers with. Collectibles have no price and belong, for
 * good, to the person they were granted to; the HTTP layer answers this as 403
 * `collectible_not_transferable` (server/http/collectibleRoutes.ts).
 */
export const NOT_TRANSFERABLE_CODE = ErrorCode.collectibleNotTransferable;

export class CollectibleNotTransferable extends Error {
  readonly details: { path: string; reason: string };

  constructor(path: string, reason: string) {
    super(
      "Collectibles cannot be sold or transferred: each copy stays with the person it was given to. " +
        "You may hide a copy from your vitrine instead.",
    );
    this.name = "CollectibleNotTransferable";
    this.details = { path, reason };
  }
}
