/**
 * Interest management: who receives which avatars. A walkable room without a policy sends everyone
 * to everyone (fine for a vitrine's two dozen). A room whose state tags `avatars` with `.view()`
 * must have one: the kernel calls `attach` when a client (re)joins, `refresh` every `refreshMs`, and
 * `detach` when it leaves, and nothing else; a different policy (a spatial grid, rates that fall with
 * distance) replaces `AvatarInterest` here without touching any room.
 */
import type { Client } from "@colyseus/core";
import { type MapSchema, StateView } from "@colyseus/schema";
import { VIEW_HYSTERESIS, VIEW_REFRESH_MS } from "../../../shared/constants.ts";
import type { AvatarState } from "../../../shared/walking/avatarState.ts";

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

/**
 * Each client's StateView holds its own avatar and those within a radius, so far avatars stay off
 * the wire. Hysteresis keeps avatars at the edge from flickering.
 */
export class AvatarInterest implements InterestPolicy {
  readonly refreshMs = VIEW_REFRESH_MS;
  private readonly radius: number;

  constructor(radius: number) {
    this.radius = radius;
  }

  attach(client: Client, own: Avatar | undefined): void {
    client.view = new StateView();
    if (own) client.view.add(own);
  }

  refresh(clients: Iterable<Client>, avatars: MapSchema<Avatar>): void {
    const enter = this.radius * this.radius;
    const leave = (this.radius + VIEW_HYSTERESIS) ** 2;
    for (const client of clients) {
      const view = client.view;
      const self = avatars.get(client.sessionId);
      if (!view || !self) continue;
      for (const [id, other] of avatars) {
        if (id === client.sessionId) continue;
        const d2 = (other.x - self.x) ** 2 + (other.z - self.z) ** 2;
        const visible = view.has(other);
        if (!visible && d2 <= enter) view.add(other);
        else if (visible && d2 > leave) view.remove(other);
      }
    }
  }

  detach(): void {
    // Views live on the clients, which are gone.
  }
}
