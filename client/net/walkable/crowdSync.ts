/**
 * Turns a walkable room's state into per-frame poses for any layout: remote avatars are
 * interpolated between snapshots, rendered in the past by their tier's delay (near ones ride every
 * 10 Hz patch, far ones a slower refresh: shared/walking/rates.ts), the local one is
 * predicted with the shared step (SelfPredictor) and its intents sent (IntentPump). Writes an
 * AvatarFrame, which the scene's AvatarCrowd draws. No DOM, no three.
 */
import type { MapSchema } from "@colyseus/schema";
import type { MessageSink } from "../../../shared/protocol/roomProtocol.ts";
import { AvatarAnim, type AvatarState, poseTier, readPose } from "../../../shared/walking/avatarState.ts";
import type { WalkableLayout } from "../../../shared/walking/layout.ts";
import {
  FAR_INTERPOLATION_DELAY_MS,
  FAR_UPDATE_INTERVAL_MS,
  NEAR_INTERPOLATION_DELAY_MS,
  WALK_PATCH_INTERVAL_MS,
} from "../../../shared/walking/rates.ts";
import type { WalkControl } from "../../../shared/walking/step.ts";
import { type AvatarFrame, type AvatarFrameEntry, avatarFrame } from "../avatarFrame.ts";
import { SnapshotBuffer } from "../interpolation.ts";
import { localInput } from "../localInput.ts";
import { IntentPump } from "./intentPump.ts";
import { SelfPredictor } from "./selfPredictor.ts";

type Avatar = InstanceType<typeof AvatarState>;

/** What the sync needs of a joined walkable room (an @colyseus/sdk Room). */
export type WalkableRoomView = MessageSink & {
  readonly state: { readonly avatars: MapSchema<Avatar> };
  readonly sessionId: string;
};

export type CrowdSyncOptions = {
  /** The floor the local avatar is predicted on (null: not known yet, it is interpolated instead). */
  layout: () => WalkableLayout | null;
  /** What the person asks for (default: the page's keyboard and mouse, `localInput`). */
  input?: WalkControl;
  /** Where poses are written (default: the page's `avatarFrame`). */
  frame?: AvatarFrame;
};

export class CrowdSync {
  private readonly room: WalkableRoomView;
  private readonly layout: () => WalkableLayout | null;
  private readonly input: WalkControl;
  private readonly out: AvatarFrame;
  private readonly buffers = new Map<string, SnapshotBuffer>();
  private readonly predictor = new SelfPredictor();
  private readonly pump: IntentPump;
  private readonly sample = { x: 0, z: 0, heading: 0 };
  private readonly serverPose = { x: 0, z: 0, heading: 0 };

  constructor(room: WalkableRoomView, options: CrowdSyncOptions) {
    this.room = room;
    this.layout = options.layout;
    this.input = options.input ?? localInput;
    this.out = options.frame ?? avatarFrame;
    this.pump = new IntentPump(room);
  }

  /** Records a snapshot of every avatar, stamped with its arrival; called on each state patch. */
  onPatch(now: number): void {
    const seen = new Set<string>();
    for (const [id, a] of this.room.state.avatars) {
      seen.add(id);
      let buffer = this.buffers.get(id);
      if (!buffer) {
        buffer = new SnapshotBuffer();
        this.buffers.set(id, buffer);
      }
      const far = poseTier(a) === "far";
      buffer.push(
        readPose(a, { t: now, x: 0, z: 0, heading: 0 }),
        far ? FAR_UPDATE_INTERVAL_MS : WALK_PATCH_INTERVAL_MS,
      );
    }
    for (const id of this.buffers.keys()) if (!seen.has(id)) this.buffers.delete(id);
  }

  /** Advances prediction and interpolation to `now` and writes the frame's entries. */
  frame(now: number, dtSeconds: number): void {
    const layout = this.layout();
    const entries = this.out.entries;
    let membershipChanged = false;
    for (const [id, a] of this.room.state.avatars) {
      let e = entries.get(id);
      if (!e) {
        e = newEntry(id, a, id === this.room.sessionId);
        entries.set(id, e);
        membershipChanged = true;
      }
      e.name = a.name;
      e.kind = a.kind;
      e.look = a.look;
      e.connected = a.connected;
      if (e.isSelf && layout) this.predictSelf(e, a, layout, now, dtSeconds);
      else {
        const delay = poseTier(a) === "far" ? FAR_INTERPOLATION_DELAY_MS : NEAR_INTERPOLATION_DELAY_MS;
        this.buffers.get(id)?.sample(now - delay, this.sample);
        e.x = this.sample.x;
        e.z = this.sample.z;
        e.heading = this.sample.heading;
        e.anim = a.anim;
      }
    }
    for (const id of entries.keys()) {
      if (this.room.state.avatars.has(id)) continue;
      entries.delete(id);
      membershipChanged = true;
    }
    if (membershipChanged) this.out.membershipVersion++;
  }

  /** Sends what the person asks for; the driver also calls it on a timer between frames. */
  pumpIntents(now: number): void {
    this.pump.pump(this.input, this.predictor.pose, now);
  }

  /** The predicted pose of the local avatar, or null before the first frame. */
  get predicted() {
    return this.predictor.pose;
  }

  dispose(): void {
    this.out.entries.clear();
    this.out.membershipVersion++;
  }

  private predictSelf(e: AvatarFrameEntry, server: Avatar, layout: WalkableLayout, now: number, dt: number) {
    this.pumpIntents(now);
    const self = this.predictor.advance(readPose(server, this.serverPose), this.input, dt, layout);
    const input = this.input;
    e.anim = input.dirX !== 0 || input.dirZ !== 0 || input.target ? AvatarAnim.walk : server.anim;
    e.x = self.x;
    e.z = self.z;
    e.heading = self.heading;
  }
}

function newEntry(sessionId: string, a: Avatar, isSelf: boolean): AvatarFrameEntry {
  return readPose(a, {
    sessionId,
    name: a.name,
    kind: a.kind,
    look: a.look,
    x: 0,
    z: 0,
    heading: 0,
    anim: a.anim,
    connected: a.connected,
    isSelf,
  });
}
