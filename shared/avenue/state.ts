/**
 * Synchronised state of an avenue shard. Defined once here; the server mutates it and the client
 * decodes it with the same classes.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import { HostState } from "../host/hostState.ts";
import { AvatarState } from "../walking/avatarState.ts";

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
