/**
 * The synchronised avatar every walkable room holds in a `avatars` map (keyed by session id).
 * Defined once here; the server mutates it and the client decodes it with the same class.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";

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
