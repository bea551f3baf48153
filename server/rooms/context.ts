import type { SessionUser } from "../../shared/auth.ts";
import type { Catalog } from "../../shared/catalog.ts";

/**
 * What rooms need from the rest of the server. Colyseus creates rooms itself, so the app sets this
 * once at boot instead of passing live objects through room options (which are copied).
 */
export type RoomContext = {
  loadCatalog(): Promise<Catalog>;
  resolveSession(cookieHeader: string | undefined): Promise<SessionUser | null>;
  avenueShardCapacity: number;
  avenueViewRadius: number;
};

let current: RoomContext | null = null;

export function setRoomContext(context: RoomContext): void {
  current = context;
}

export function roomContext(): RoomContext {
  if (!current) throw new Error("Room context used before the server booted");
  return current;
}

/** Presence channel on which a catalog change is announced to every process. */
export const CATALOG_CHANGED_CHANNEL = "vitrine:catalog-changed";
