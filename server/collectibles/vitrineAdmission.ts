/**
 * Who may enter a vitrine: its owner (by their session) or a visitor holding the owner's current
 * share token. Worked out once at join, and again for visitors whenever the room re-reads the link.
 */
import type { SessionUser } from "../../shared/auth.ts";
import type { VitrineView } from "../../shared/collectibles.ts";
import {
  type VitrineJoinOptions,
  type VitrineRefusalReason,
  VitrineRefusals,
} from "../../shared/vitrineRoom.ts";
import type { DbLike } from "../db/database.ts";
import { vitrineByToken, vitrineOfOwner } from "./vitrines.ts";

/** What the room knows about a person it admitted. */
export type VitrineGuest = {
  user: SessionUser | null;
  /** The vitrine's owner (a user id, never sent to clients). */
  ownerId: string;
  role: "owner" | "visitor";
  /** The link a visitor came in with, re-checked while they stay; null for the owner. */
  token: string | null;
  view: VitrineView;
};

/** Thrown by `admitToVitrine` when someone may not enter. */
export class VitrineRefused extends Error {
  readonly reason: VitrineRefusalReason;
  constructor(reason: VitrineRefusalReason) {
    super(VitrineRefusals.messages[reason]);
    this.reason = reason;
  }
}

/**
 * Decides whether `user` (or a guest) may enter the vitrine named by `options.owner`. A token, when
 * given, must be the owner's current one; without one, only the owner enters. The owner holding
 * their own link is still the owner.
 */
export async function admitToVitrine(
  database: DbLike,
  options: VitrineJoinOptions,
  user: SessionUser | null,
): Promise<VitrineGuest> {
  if (user) {
    const own = await vitrineOfOwner(database, user.id);
    if (own.view.ownerPseudonym === options.owner) {
      return { user, ownerId: own.ownerId, role: "owner", token: null, view: own.view };
    }
  }
  if (options.token) {
    const shared = await vitrineByToken(database, options.token);
    if (!shared || shared.view.ownerPseudonym !== options.owner) throw new VitrineRefused("link_invalid");
    return { user, ownerId: shared.ownerId, role: "visitor", token: options.token, view: shared.view };
  }
  throw new VitrineRefused(user ? "not_owner" : "sign_in_required");
}

/** Whether a visitor's link still opens this owner's vitrine (false once rotated). */
export async function linkStillValid(database: DbLike, token: string, ownerId: string): Promise<boolean> {
  const shared = await vitrineByToken(database, token);
  return shared !== null && shared.ownerId === ownerId;
}
