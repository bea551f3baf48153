/**
 * The stage's one reducer: an action from a presenter, a moderator or the host, checked against the
 * sender's role and the event, gives the next stage state and what the replay keeps of it. Pure:
 * the stage room runs it on its clock, tests on any instant. `prev` is never changed.
 */
import type { EventPhase } from "./eventView.ts";
import {
  MODERATION_ACTIONS,
  STAGE_MAX_GUESTS,
  STAGE_MAX_MUTED,
  STAGE_MAX_PINS,
  STAGE_MAX_REMOVED_LINES,
  type StageAction,
  type StagePresenter,
  type StageRefusal,
  type StageState,
  stageYawAt,
} from "./stage.ts";
import type { TimelineDraft } from "./timeline.ts";

/** Who sends: a presenter (staff or the host) or a moderator. */
export type StageActor = { role: "presenter" | "moderator"; as: StagePresenter };

export type StageContext = {
  nowMs: number;
  /** The event's products, each with its model's variant names. */
  products: ReadonlyMap<string, readonly string[]>;
  drop: { id: string; publicStartsAt: number } | null;
  /** A viewer's display name while they are in one of the shards; null otherwise. */
  viewerName(viewerId: string): string | null;
};

export type StageResult =
  | { ok: true; state: StageState; timeline: TimelineDraft[] }
  | { ok: false; reason: StageRefusal };

const refuse = (reason: StageRefusal): StageResult => ({ ok: false, reason });

function stageEntry(state: StageState, at: number): TimelineDraft {
  const p = state.onStage;
  return {
    at,
    kind: "stage",
    payload: p
      ? { productId: p.productId, variant: p.variant, yaw: stageYawAt(p, at), spin: p.spin }
      : { productId: null, variant: null, yaw: 0, spin: 0 },
  };
}

/** Applies one action (already parsed by StageAction). */
export function applyStageAction(
  prev: StageState,
  action: StageAction,
  actor: StageActor,
  ctx: StageContext,
): StageResult {
  if (actor.role !== "presenter" && !MODERATION_ACTIONS.has(action.type)) return refuse("not_allowed");
  if (prev.phase === "ended") return refuse("ended");
  const now = ctx.nowMs;
  const next = (change: Partial<StageState>, timeline: TimelineDraft[] = []): StageResult => ({
    ok: true,
    state: { ...prev, ...change, version: prev.version + 1 },
    timeline,
  });
  switch (action.type) {
    case "take_stage":
      return next({ presenter: actor.as });
    case "show_product": {
      const variants = ctx.products.get(action.productId);
      if (!variants) return refuse("unknown_product");
      const variant = action.variant ?? null;
      if (variant !== null && !variants.includes(variant)) return refuse("unknown_variant");
      const onStage = { productId: action.productId, variant, yaw: 0, spin: 0, poseAt: now };
      const state = { ...prev, onStage };
      return next({ onStage }, [stageEntry(state, now)]);
    }
    case "clear_product":
      return next({ onStage: null }, [stageEntry({ ...prev, onStage: null }, now)]);
    case "set_variant": {
      if (!prev.onStage) return refuse("nothing_on_stage");
      const variants = ctx.products.get(prev.onStage.productId) ?? [];
      if (action.variant !== null && !variants.includes(action.variant)) return refuse("unknown_variant");
      const onStage = { ...prev.onStage, variant: action.variant };
      return next({ onStage }, [stageEntry({ ...prev, onStage }, now)]);
    }
    case "turn": {
      if (!prev.onStage) return refuse("nothing_on_stage");
      // Re-anchor the pose at now, so a change of spin never makes the piece jump.
      const onStage = {
        ...prev.onStage,
        yaw: action.yaw ?? stageYawAt(prev.onStage, now),
        spin: action.spin ?? prev.onStage.spin,
        poseAt: now,
      };
      return next({ onStage }, [stageEntry({ ...prev, onStage }, now)]);
    }
    case "pin": {
      if (!ctx.products.has(action.productId)) return refuse("unknown_product");
      if (prev.pinned.includes(action.productId)) return next({});
      if (prev.pinned.length >= STAGE_MAX_PINS) return refuse("pins_full");
      return next({ pinned: [...prev.pinned, action.productId] }, [
        { at: now, kind: "pin", payload: { productId: action.productId } },
      ]);
    }
    case "unpin":
      if (!prev.pinned.includes(action.productId)) return refuse("not_pinned");
      return next({ pinned: prev.pinned.filter((id) => id !== action.productId) }, [
        { at: now, kind: "unpin", payload: { productId: action.productId } },
      ]);
    case "start_drop_countdown": {
      if (!ctx.drop) return refuse("no_drop");
      if (ctx.drop.publicStartsAt <= now) return refuse("drop_already_open");
      const endsAt = ctx.drop.publicStartsAt;
      return next({ dropCountdownEndsAt: endsAt }, [
        {
          at: now,
          kind: "drop_countdown",
          payload: { dropId: ctx.drop.id, endsAt: new Date(endsAt).toISOString() },
        },
      ]);
    }
    default:
      return applyModeration(prev, action, ctx, next);
  }
}

function applyModeration(
  prev: StageState,
  action: StageAction,
  ctx: StageContext,
  next: (change: Partial<StageState>) => StageResult,
): StageResult {
  const moderation = prev.moderation;
  const now = ctx.nowMs;
  switch (action.type) {
    case "slow_mode":
      return next({ moderation: { ...moderation, slowModeSeconds: action.seconds } });
    case "mute_viewer": {
      const muted = liveMutes(prev, now).filter((m) => m.viewerId !== action.viewerId);
      muted.push({ viewerId: action.viewerId, until: now + action.minutes * 60_000 });
      return next({ moderation: { ...moderation, muted: muted.slice(-STAGE_MAX_MUTED) } });
    }
    case "unmute_viewer":
      return next({
        moderation: {
          ...moderation,
          muted: liveMutes(prev, now).filter((m) => m.viewerId !== action.viewerId),
        },
      });
    case "remove_line": {
      if (moderation.removedLineIds.includes(action.lineId)) return next({});
      const removedLineIds = [...moderation.removedLineIds, action.lineId].slice(-STAGE_MAX_REMOVED_LINES);
      return next({ moderation: { ...moderation, removedLineIds } });
    }
    case "invite_on_stage": {
      if (prev.guestsOnStage.some((g) => g.viewerId === action.viewerId)) return next({});
      const name = ctx.viewerName(action.viewerId);
      if (name === null) return { ok: false, reason: "viewer_not_here" };
      if (prev.guestsOnStage.length >= STAGE_MAX_GUESTS) return { ok: false, reason: "stage_full" };
      return next({ guestsOnStage: [...prev.guestsOnStage, { viewerId: action.viewerId, name }] });
    }
    case "send_back":
      if (!prev.guestsOnStage.some((g) => g.viewerId === action.viewerId))
        return { ok: false, reason: "not_on_stage" };
      return next({ guestsOnStage: prev.guestsOnStage.filter((g) => g.viewerId !== action.viewerId) });
    default:
      return { ok: false, reason: "not_allowed" };
  }
}

function liveMutes(state: StageState, nowMs: number) {
  return state.moderation.muted.filter((m) => m.until > nowMs);
}

/** Whether a viewer may not write in the chat at `nowMs`. */
export function isMuted(state: StageState, viewerId: string, nowMs: number): boolean {
  return state.moderation.muted.some((m) => m.viewerId === viewerId && m.until > nowMs);
}

/**
 * Moves the stage to a phase (the room calls it on its clock). Ending clears the stage's guests and
 * countdown; the replay keeps the change.
 */
export function setStagePhase(
  prev: StageState,
  phase: EventPhase,
  nowMs: number,
): { state: StageState; timeline: TimelineDraft[] } {
  if (prev.phase === phase) return { state: prev, timeline: [] };
  const ended = phase === "ended" ? { guestsOnStage: [], dropCountdownEndsAt: null } : {};
  return {
    state: { ...prev, ...ended, phase, version: prev.version + 1 },
    timeline: [{ at: nowMs, kind: "phase", payload: { phase } }],
  };
}

/** Puts the host's new line on stage (the replay keeps it); the same line id changes nothing. */
export function setStageHostLine(
  prev: StageState,
  hostLine: NonNullable<StageState["hostLine"]>,
  nowMs: number,
): { state: StageState; timeline: TimelineDraft[] } {
  if (prev.hostLine?.lineId === hostLine.lineId) return { state: prev, timeline: [] };
  return {
    state: { ...prev, hostLine, version: prev.version + 1 },
    timeline: [{ at: nowMs, kind: "host_line", payload: { lineId: hostLine.lineId, line: hostLine.line } }],
  };
}
