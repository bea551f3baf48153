import { ErrorCode } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";

/**
 * The refusal every sale or transfer path answers with (403 `collectible_not_transferable`).
 * Collectibles have no price and belong, for good, to the person they were granted to.
 */
export class CollectibleNotTransferable extends DomainError {
  declare readonly details: { reason: string; path?: string };

  /** `reason` names what was tried (`copy_transfer`, `drop_of_collectible`…); `path` the address asked. */
  constructor(reason: string, path?: string) {
    super(
      ErrorCode.collectibleNotTransferable,
      "Collectibles cannot be sold or transferred: each copy stays with the person it was given to. " +
        "You may hide a copy from your vitrine instead.",
      path === undefined ? { reason } : { path, reason },
    );
    this.name = "CollectibleNotTransferable";
  }
}
