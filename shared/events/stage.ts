/**
 * The event's stage: the state the one authoritative stage publishes to every audience shard, and
 * the actions its presenters and moderators send. Numbers in actions are clamped, never refused:
 * a wild turn becomes the fastest allowed one.
 */
import { z } from "zod";
import { LocalizedLine } from "../host/chatMessages.ts";
import { EventPhase } from "./eventView.ts";

/** Products pinned at once (each pin opens its card in every viewer's page). */
export const STAGE_MAX_PINS = 3;
/** Viewers invited on stage at once. */
export const STAGE_MAX_GUESTS = 3;
/** Fastest turntable, in radians per second (either way). */
export const STAGE_MAX_SPIN = Math.PI;
export const STAGE_MAX_SLOW_MODE_SECONDS = 300;
export const STAGE_MAX_MUTE_MINUTES = 24 * 60;
/** Muted viewers and removed lines the stage remembers (the oldest go first). */
export const STAGE_MAX_MUTED = 200;
export const STAGE_MAX_REMOVED_LINES = 100;

/** Clamps into [min, max] (NaN is refused by `finite()` before). */
function clamped(min: number, max: number) {
  return z
    .number()
    .finite()
    .transform((v) => Math.min(max, Math.max(min, v)));
}

/** An angle in (-π, π]. */
export function wrapAngle(radians: number): number {
  const turn = 2 * Math.PI;
  const wrapped = radians - turn * Math.floor((radians + Math.PI) / turn);
  return wrapped === -Math.PI ? Math.PI : wrapped;
}

/** A viewer across shards: `user:<id>` for accounts, `guest:<token>` otherwise (set by the room). */
export const ViewerId = z.string().regex(/^(user|guest):[A-Za-z0-9_-]{1,80}$/, "Not a viewer id");
const ProductId = z.string().min(1).max(100);
const Variant = z.string().min(1).max(200);

/** The product on stage; its yaw at `poseAt` (epoch ms), turning at `spin` rad/s from then. */
export const StageProduct = z.object({
  productId: ProductId,
  variant: Variant.nullable(),
  yaw: z.number(),
  spin: z.number(),
  poseAt: z.number(),
});
export type StageProduct = z.infer<typeof StageProduct>;

/** The turntable's yaw at `nowMs`: every shard computes the same pose from the same state. */
export function stageYawAt(product: StageProduct, nowMs: number): number {
  return wrapAngle(product.yaw + (product.spin * Math.max(0, nowMs - product.poseAt)) / 1000);
}

export const StagePresenter = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("staff"), userId: z.string(), name: z.string() }),
  z.object({ kind: z.literal("host"), name: z.string() }),
]);
export type StagePresenter = z.infer<typeof StagePresenter>;

/** What every shard mirrors; `version` grows with each change so a shard keeps only the newest. */
export const StageState = z.object({
  eventId: z.string(),
  version: z.number().int().min(0),
  phase: EventPhase,
  presenter: StagePresenter.nullable(),
  onStage: StageProduct.nullable(),
  pinned: z.array(ProductId).max(STAGE_MAX_PINS),
  /** The drop's countdown on stage: its end (the drop's public start), epoch ms. */
  dropCountdownEndsAt: z.number().nullable(),
  guestsOnStage: z.array(z.object({ viewerId: ViewerId, name: z.string() })).max(STAGE_MAX_GUESTS),
  moderation: z.object({
    slowModeSeconds: z.number().int().min(0).max(STAGE_MAX_SLOW_MODE_SECONDS),
    muted: z.array(z.object({ viewerId: ViewerId, until: z.number() })).max(STAGE_MAX_MUTED),
    removedLineIds: z.array(z.string()).max(STAGE_MAX_REMOVED_LINES),
  }),
  /** The host's current line (every shard shows it); null when she is silent. */
  hostLine: z.object({ lineId: z.number().int(), line: LocalizedLine, until: z.number() }).nullable(),
});
export type StageState = z.infer<typeof StageState>;

/** A fresh stage for an event, in its phase. */
export function createStageState(eventId: string, phase: EventPhase): StageState {
  return {
    eventId,
    version: 0,
    phase,
    presenter: null,
    onStage: null,
    pinned: [],
    dropCountdownEndsAt: null,
    guestsOnStage: [],
    moderation: { slowModeSeconds: 0, muted: [], removedLineIds: [] },
    hostLine: null,
  };
}

/** What presenters (all of it) and moderators (moderation) send to the stage; unions on `type`. */
export const StageAction = z.discriminatedUnion("type", [
  /** The sender becomes the one presenting (presenters only). */
  z.object({ type: z.literal("take_stage") }).strict(),
  z
    .object({ type: z.literal("show_product"), productId: ProductId, variant: Variant.nullable().optional() })
    .strict(),
  z.object({ type: z.literal("clear_product") }).strict(),
  z.object({ type: z.literal("set_variant"), variant: Variant.nullable() }).strict(),
  /** Sets the turntable: an absolute yaw (radians, wrapped), a spin (rad/s, clamped), or both. */
  z
    .object({
      type: z.literal("turn"),
      yaw: z.number().finite().min(-1000).max(1000).transform(wrapAngle).optional(),
      spin: clamped(-STAGE_MAX_SPIN, STAGE_MAX_SPIN).optional(),
    })
    .strict(),
  z.object({ type: z.literal("pin"), productId: ProductId }).strict(),
  z.object({ type: z.literal("unpin"), productId: ProductId }).strict(),
  z.object({ type: z.literal("start_drop_countdown") }).strict(),
  z
    .object({
      type: z.literal("slow_mode"),
      seconds: clamped(0, STAGE_MAX_SLOW_MODE_SECONDS).transform(Math.round),
    })
    .strict(),
  z
    .object({
      type: z.literal("mute_viewer"),
      viewerId: ViewerId,
      minutes: clamped(1, STAGE_MAX_MUTE_MINUTES).transform(Math.round).default(10),
    })
    .strict(),
  z.object({ type: z.literal("unmute_viewer"), viewerId: ViewerId }).strict(),
  z.object({ type: z.literal("remove_line"), lineId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal("invite_on_stage"), viewerId: ViewerId }).strict(),
  z.object({ type: z.literal("send_back"), viewerId: ViewerId }).strict(),
]);
export type StageAction = z.infer<typeof StageAction>;
export type StageActionType = StageAction["type"];

/** Actions moderators may send too; every other one is for presenters. */
export const MODERATION_ACTIONS: ReadonlySet<StageActionType> = new Set([
  "slow_mode",
  "mute_viewer",
  "unmute_viewer",
  "remove_line",
  "invite_on_stage",
  "send_back",
]);

export const StageRefusal = z.enum([
  "not_allowed",
  "ended",
  "unknown_product",
  "unknown_variant",
  "nothing_on_stage",
  "pins_full",
  "not_pinned",
  "no_drop",
  "drop_already_open",
  "viewer_not_here",
  "stage_full",
  "not_on_stage",
]);
export type StageRefusal = z.infer<typeof StageRefusal>;
