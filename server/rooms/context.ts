import type { SessionUser } from "../../shared/auth.ts";
import type { Catalog } from "../../shared/catalog.ts";
import type { DbLike } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import type { HostServices } from "../host/hostServices.ts";

/**
 * What rooms need from the rest of the server. Colyseus creates rooms itself, so the app sets this
 * once at boot instead of passing live objects through room options (which are copied).
 */
export type RoomContext = {
  loadCatalog(): Promise<Catalog>;
  resolveSession(cookieHeader: string | undefined): Promise<SessionUser | null>;
  avenueShardCapacity: number;
  avenueViewRadius: number;
  /** Viewers per audience shard of an event. */
  eventShardCapacity: number;
  /** The drop room reads drops and passes directly (through server/drops), on the server's clock. */
  database: DbLike;
  clock: Clock;
  /** The avenue host's scripts, knowledge and answers (issue 6). */
  host: HostServices;
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

/** Presence channel on which a change of one drop's stock is announced to every process. */
export function dropChangedChannel(dropId: string): string {
  return `vitrine:drop:${dropId}`;
}
