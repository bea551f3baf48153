/**
 * Who may be in a drop's room in each phase (see shared/dropRoom.ts for the rule as clients read it):
 * staff of the drop's brand and admins always; anyone once the drop is announced, except during early
 * access, which is for holders of an active pass of one of the drop's early-access pass types.
 */
import type { SessionUser } from "../../shared/auth.ts";
import { type DropRoomRefusal, DropRoomRefusals } from "../../shared/dropRoom.ts";
import type { DropPhase } from "../../shared/drops.ts";
import type { DbLike } from "../db/database.ts";
import { callerAccess } from "./claims.ts";
import type { DropRow } from "./drops.ts";

/** What decides a person's place in a drop's room, worked out once when they join. */
export type DropViewer = {
  userId: string | null;
  /** An admin, or staff (any role) of the drop's brand: may watch in every phase. */
  staff: boolean;
  /** Holds an active pass of one of the drop's early-access pass types. */
  passHolder: boolean;
  /** When this person's claim window opens (early for pass holders). */
  opensAt: Date;
};

/** Works out a person's (or a guest's) standing on one drop at `now`. */
export async function viewerOf(
  database: DbLike,
  drop: DropRow,
  user: SessionUser | null,
  now: Date,
): Promise<DropViewer> {
  if (!user) return { userId: null, staff: false, passHolder: false, opensAt: drop.publicStartsAt };
  const staff = user.role === "admin" || user.brandRoles.some((r) => r.brandId === drop.brandId);
  const access = await callerAccess(database, drop, user.id, now);
  return { userId: user.id, staff, passHolder: access.passIds.length > 0, opensAt: access.opensAt };
}

/**
 * Whether a viewer may be in the room in this phase: null when they may, else the named refusal.
 * Pure, so joining and the phase changes of a live room apply the same rule.
 */
export function admission(drop: DropRow, phase: DropPhase, viewer: DropViewer): DropRoomRefusal | null {
  if (viewer.staff) return null;
  if (phase === "scheduled") {
    return DropRoomRefusals.make("not_announced", { opensAt: drop.announceAt.toISOString() });
  }
  if (phase !== "early_access" || viewer.passHolder) return null;
  return DropRoomRefusals.make(viewer.userId ? "pass_required" : "sign_in_required", {
    opensAt: drop.publicStartsAt.toISOString(),
  });
}
