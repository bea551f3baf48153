/**
 * Synchronised state of an avenue shard. Defined once here; the server mutates it and the client
 * decodes it with the same classes.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import { HostState } from "../host/hostState.ts";

export const AvatarAnim = { idle: 0, walk: 1 } as const;
export type AvatarAnim = (typeof AvatarAnim)[keyof typeof AvatarAnim];

export const AvatarState = schema(
  {
    name: t.string(),
    /** "guest", "shopper", "staff" or "admin": decides the name tag's accent. */
    kind: t.string(),
    /** Index into the client's palette of outfits. */
    look: t.uint8(),
    x: t.float32(),
    z: t.float32(),
    heading: t.float32(),
    anim: t.uint8(),
    /** False while the owner's connection is lost and the server waits for it to come back. */
    connected: t.boolean().default(true),
  },
  "AvatarState",
);
export type AvatarState = SchemaType<typeof AvatarState>;

export const AvenueState = schema(
  {
    /** Each client receives only the avatars in its view (near it), chosen by the server. */
    avatars: t.map(AvatarState).view(),
    /** Bumped when the catalog changes so clients refetch it without a reload. Starts at 0 (not
     * undefined, which `+= 1` would turn into NaN, sent as 0: the bump would never be seen). */
    catalogVersion: t.uint32().default(0),
    /** The avenue's host (issue 6), seen by everyone in the shard. */
    host: HostState,
  },
  "AvenueState",
);
export type AvenueState = SchemaType<typeof AvenueState>;
