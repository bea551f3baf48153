/**
 * Interest management: who receives which avatars, and how often. The pose travels in two tagged
 * copies (shared/walking/avatarState.ts): near avatars' every patch, far avatars' once per refresh.
 * The kernel calls `attach` when a client (re)joins, `refresh` every `refreshMs`, and `detach` when
 * it leaves, and nothing else; a different policy replaces these without touching any room.
 *
 * Since the pose fields carry view tags, every walkable room has a policy: `EveryoneNear` (the
 * default, for a vitrine's two dozen) or `AvatarInterest` (radii over a spatial grid, the avenue).
 */
import type { Client } from "@colyseus/core";
import { type MapSchema, StateView } from "@colyseus/schema";
import { VIEW_HYSTERESIS, VIEW_REFRESH_MS } from "../../../shared/constants.ts";
import { type AvatarState, PoseTag, poseOf, publishFarPose } from "../../../shared/walking/avatarState.ts";
import { NEAR_HYSTERESIS, NEAR_RADIUS } from "../../../shared/walking/rates.ts";
import { SpatialGrid } from "./spatialGrid.ts";

type Avatar = InstanceType<typeof AvatarState>;

export type InterestPolicy = {
  /** How often the room asks for `refresh` (ms). */
  readonly refreshMs: number;
  /** Gives a (re)joined client a fresh view holding at least its own avatar. */
  attach(client: Client, own: Avatar | undefined): void;
  /** Recomputes every client's view from the avatars' current positions. */
  refresh(clients: Iterable<Client>, avatars: MapSchema<Avatar>): void;
  /** A client left for good. */
  detach(sessionId: string): void;
};

export type Tier = "near" | "far";
const TAG: Record<Tier, number> = { near: PoseTag.near, far: PoseTag.far };

export type Radii = { near: number; view: number };

/**
 * The tier an avatar at squared distance `d2` should have in a view where it has `current` (none:
 * not in the view), or null when it should not be in it. Entering takes the inner radius, leaving
 * the outer one (hysteresis), so avatars at an edge do not flicker between tiers or in and out.
 */
export function tierFor(current: Tier | undefined, d2: number, radii: Radii): Tier | null {
  const nearEnter = radii.near ** 2;
  if (current === undefined) {
    if (d2 <= nearEnter) return "near";
    return d2 <= radii.view ** 2 ? "far" : null;
  }
  if (d2 > (radii.view + VIEW_HYSTERESIS) ** 2) return null;
  if (current === "near") return d2 <= (radii.near + NEAR_HYSTERESIS) ** 2 ? "near" : "far";
  return d2 <= nearEnter ? "near" : "far";
}

/** Moves `avatar` in `view` from tier `from` to `to` (either may be none). */
function retier(view: StateView, avatar: Avatar, from: Tier | undefined, to: Tier | null): void {
  // Removing a tag deletes its fields on the client (so it reads the other copy) and hides the
  // avatar until the next add, which sends the new copy.
  if (from) view.remove(avatar, TAG[from]);
  if (to) view.add(avatar, TAG[to]);
  else view.remove(avatar);
}

type Placed = { id: string; avatar: Avatar; x: number; z: number };

/**
 * Each client's StateView holds its own avatar (near), the avatars within `near` metres (near:
 * every patch) and those within `view` metres (far: once per refresh). Farther ones stay off the
 * wire. A spatial grid finds each client's neighbours without visiting every avatar.
 */
export class AvatarInterest implements InterestPolicy {
  readonly refreshMs = VIEW_REFRESH_MS;
  private readonly radii: Radii;
  private readonly grid: SpatialGrid<Placed>;
  private readonly placed = new Map<string, Placed>();
  /** Per client: the tier of every other avatar in its view. */
  private readonly tiers = new Map<string, Map<Avatar, Tier>>();

  constructor(radius: number, nearRadius = Math.min(NEAR_RADIUS, radius / 2)) {
    this.radii = { near: nearRadius, view: radius };
    this.grid = new SpatialGrid(radius + VIEW_HYSTERESIS);
  }

  attach(client: Client, own: Avatar | undefined): void {
    client.view = new StateView();
    this.tiers.set(client.sessionId, new Map());
    if (own) client.view.add(own, PoseTag.near);
  }

  refresh(clients: Iterable<Client>, avatars: MapSchema<Avatar>): void {
    this.grid.clear();
    this.placed.clear();
    for (const [id, avatar] of avatars) {
      // The far copy moves on at the refresh rate; views that hold the avatar far receive it.
      publishFarPose(avatar);
      const at = poseOf(avatar);
      const p = { id, avatar, x: at.x, z: at.z };
      this.placed.set(id, p);
      this.grid.insert(p);
    }
    const reach = this.radii.view + VIEW_HYSTERESIS;
    for (const client of clients) {
      const view = client.view;
      const self = this.placed.get(client.sessionId);
      const tiers = this.tiers.get(client.sessionId);
      if (!view || !self || !tiers) continue;
      const wanted = new Map<Avatar, Tier>();
      this.grid.near(self, reach, (other, d2) => {
        if (other === self) return;
        const tier = tierFor(tiers.get(other.avatar), d2, this.radii);
        if (tier) wanted.set(other.avatar, tier);
      });
      for (const [avatar, tier] of tiers) {
        if (wanted.has(avatar)) continue;
        retier(view, avatar, tier, null);
        tiers.delete(avatar);
      }
      for (const [avatar, tier] of wanted) {
        const current = tiers.get(avatar);
        if (current === tier) continue;
        retier(view, avatar, current, tier);
        tiers.set(avatar, tier);
      }
    }
  }

  /** The tier each avatar (by session id) has in `sessionId`'s view, for tests and diagnostics. */
  tiersOf(sessionId: string): Map<string, Tier> {
    const out = new Map<string, Tier>();
    const tiers = this.tiers.get(sessionId);
    if (!tiers) return out;
    for (const [id, p] of this.placed) {
      const tier = tiers.get(p.avatar);
      if (tier) out.set(id, tier);
    }
    return out;
  }

  detach(sessionId: string): void {
    this.tiers.delete(sessionId);
  }
}

/** Everyone sees everyone, near (rooms of a few dozen: no radius worth the bookkeeping). */
export class EveryoneNear implements InterestPolicy {
  readonly refreshMs = VIEW_REFRESH_MS;

  attach(client: Client, own: Avatar | undefined): void {
    client.view = new StateView();
    if (own) client.view.add(own, PoseTag.near);
  }

  refresh(clients: Iterable<Client>, avatars: MapSchema<Avatar>): void {
    for (const client of clients) {
      const view = client.view;
      if (!view) continue;
      for (const avatar of avatars.values()) if (!view.has(avatar)) view.add(avatar, PoseTag.near);
    }
  }

  detach(): void {
    // Views live on the clients, which are gone.
  }
}
