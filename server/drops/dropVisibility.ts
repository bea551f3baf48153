/**
 * Who may see a drop before it is announced (issue 10): a scheduled drop is the brand's secret
 * (title, product, stock); to anyone but the brand's staff and admins it does not exist yet, so
 * `GET /api/drops/:id` answers the same 404 as for an unknown id.
 */
import type { SessionUser } from "../../shared/auth.ts";
import type { DropView } from "../../shared/drops.ts";
import { DomainError } from "../errors.ts";

/** Whether `user` may see `drop` in its current phase. */
export function maySeeDrop(drop: Pick<DropView, "phase" | "brandId">, user: SessionUser | null): boolean {
  if (drop.phase !== "scheduled") return true;
  if (!user) return false;
  return user.role === "admin" || user.brandRoles.some((r) => r.brandId === drop.brandId);
}

/** `drop` when `user` may see it. @throws DomainError 404, as for a drop that does not exist. */
export function visibleDrop<T extends Pick<DropView, "phase" | "brandId" | "id">>(
  drop: T,
  user: SessionUser | null,
): T {
  if (!maySeeDrop(drop, user)) throw DomainError.notFound("drop", drop.id);
  return drop;
}
