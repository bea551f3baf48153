import type { Client } from "@colyseus/core";
import { type MapSchema, StateView } from "@colyseus/schema";
import type { AvatarState } from "../../../shared/avenue/state.ts";
import { VIEW_HYSTERESIS } from "../../../shared/constants.ts";

/**
 * Interest management: each client's StateView holds its own avatar and those within a radius,
 * so far avatars stay off the wire. Hysteresis keeps avatars at the edge from flickering.
 */
export class AvatarInterest {
  private readonly radius: number;

  constructor(radius: number) {
    this.radius = radius;
  }

  /** Gives a (re)joined client a fresh view holding at least its own avatar. */
  attach(client: Client, own: InstanceType<typeof AvatarState> | undefined): void {
    client.view = new StateView();
    if (own) client.view.add(own);
  }

  /** Recomputes every client's view from the avatars' current positions. */
  refresh(clients: Iterable<Client>, avatars: MapSchema<InstanceType<typeof AvatarState>>): void {
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
}
