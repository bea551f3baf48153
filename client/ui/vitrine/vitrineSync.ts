import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { directionTowards, stepPose } from "../../../shared/avenue/movement.ts";
import { AvatarAnim } from "../../../shared/avenue/state.ts";
import { INTERPOLATION_DELAY_MS } from "../../../shared/constants.ts";
import type { VitrineState } from "../../../shared/vitrineRoom.ts";
import { avatarFrame } from "../../net/avatarFrame.ts";
import { SnapshotBuffer } from "../../net/interpolation.ts";
import { localInput } from "../../net/localInput.ts";

/** What the sync needs of the room: its avatars, our session, and a way to send intents. */
export type VitrineSyncRoom = {
  readonly state: InstanceType<typeof VitrineState>;
  readonly sessionId: string;
  send(type: "move" | "moveTo", message: unknown): void;
};

/** Minimum gap between two `move` intents, far below the server's rate limit. */
const MOVE_SEND_INTERVAL_MS = 80;
const PREDICTION_STEP_SECONDS = 1 / 30;
/** Beyond this distance the predicted self snaps to the server's position instead of easing. */
const SNAP_DISTANCE = 2.5;

/**
 * The vitrine's netcode, as the avenue does it: remote avatars interpolated between 20 Hz
 * snapshots, the local one predicted with the shared movement rules against the gallery's layout
 * and reconciled with the server, and the one place that sends movement intents.
 */
export class VitrineSync {
  private readonly room: VitrineSyncRoom;
  private readonly getLayout: () => AvenueLayout;
  private readonly buffers = new Map<string, SnapshotBuffer>();
  private self: { x: number; z: number; heading: number } | null = null;
  private lastSentDir = { x: 0, z: 0 };
  private lastSendAt = Number.NEGATIVE_INFINITY;
  private sentTarget: { x: number; z: number } | null = null;
  private readonly sample = { x: 0, z: 0, heading: 0 };

  constructor(room: VitrineSyncRoom, getLayout: () => AvenueLayout) {
    this.room = room;
    this.getLayout = getLayout;
  }

  onPatch(now: number): void {
    const seen = new Set<string>();
    for (const [id, a] of this.room.state.avatars) {
      seen.add(id);
      let buffer = this.buffers.get(id);
      if (!buffer) {
        buffer = new SnapshotBuffer();
        this.buffers.set(id, buffer);
      }
      buffer.push({ t: now, x: a.x, z: a.z, heading: a.heading });
    }
    for (const id of this.buffers.keys()) if (!seen.has(id)) this.buffers.delete(id);
  }

  frame(now: number, dt: number): void {
    const entries = avatarFrame.entries;
    let changed = false;
    for (const [id, a] of this.room.state.avatars) {
      let entry = entries.get(id);
      if (!entry) {
        entry = {
          sessionId: id,
          name: a.name,
          kind: a.kind,
          look: a.look,
          x: a.x,
          z: a.z,
          heading: a.heading,
          anim: a.anim,
          connected: a.connected,
          isSelf: id === this.room.sessionId,
        };
        entries.set(id, entry);
        changed = true;
      }
      entry.name = a.name;
      entry.kind = a.kind;
      entry.look = a.look;
      entry.connected = a.connected;
      if (entry.isSelf) {
        const s = this.predictSelf(a, now, dt);
        const walking = localInput.dirX !== 0 || localInput.dirZ !== 0 || localInput.target !== null;
        entry.anim = walking ? AvatarAnim.walk : a.anim;
        entry.x = s.x;
        entry.z = s.z;
        entry.heading = s.heading;
      } else {
        this.buffers.get(id)?.sample(now - INTERPOLATION_DELAY_MS, this.sample);
        entry.x = this.sample.x;
        entry.z = this.sample.z;
        entry.heading = this.sample.heading;
        entry.anim = a.anim;
      }
    }
    for (const id of entries.keys()) {
      if (this.room.state.avatars.has(id)) continue;
      entries.delete(id);
      changed = true;
    }
    if (changed) avatarFrame.membershipVersion++;
  }

  private predictSelf(server: { x: number; z: number; heading: number }, now: number, dt: number) {
    if (!this.self) this.self = { x: server.x, z: server.z, heading: server.heading };
    const self = this.self;
    const layout = this.getLayout();
    this.pumpIntents(now);
    const steps = Math.max(1, Math.ceil(dt / PREDICTION_STEP_SECONDS));
    let moving = false;
    for (let i = 0; i < steps; i++) {
      let dirX = localInput.dirX;
      let dirZ = localInput.dirZ;
      if (localInput.target) {
        const dir = directionTowards(self, localInput.target);
        dirX = dir?.x ?? 0;
        dirZ = dir?.z ?? 0;
      }
      if (dirX === 0 && dirZ === 0) break;
      moving = true;
      const next = stepPose(self, dirX, dirZ, dt / steps, layout);
      self.x = next.x;
      self.z = next.z;
      self.heading = next.heading;
    }
    const error = Math.hypot(server.x - self.x, server.z - self.z);
    if (error > SNAP_DISTANCE) {
      self.x = server.x;
      self.z = server.z;
    } else if (!moving && error > 0.01) {
      const k = 1 - Math.exp(-Math.min(dt, 0.5) * 6);
      self.x += (server.x - self.x) * k;
      self.z += (server.z - self.z) * k;
    }
    return self;
  }

  /** Turns the local input into intents; also runs on a timer of its own. */
  pumpIntents(now: number): void {
    const target = localInput.target;
    if (target) {
      const keysHeld = localInput.dirX !== 0 || localInput.dirZ !== 0;
      const arrived = this.self !== null && directionTowards(this.self, target) === null;
      if (keysHeld || arrived) localInput.target = null;
    }
    if (localInput.target && localInput.target !== this.sentTarget) {
      this.room.send("moveTo", { x: localInput.target.x, z: localInput.target.z });
      this.sentTarget = localInput.target;
      this.lastSentDir = { x: 0, z: 0 };
      this.lastSendAt = now;
      return;
    }
    if (localInput.target) return;
    this.sentTarget = null;
    const qx = Math.round(localInput.dirX * 1000) / 1000;
    const qz = Math.round(localInput.dirZ * 1000) / 1000;
    if (qx === this.lastSentDir.x && qz === this.lastSentDir.z) return;
    if (now - this.lastSendAt < MOVE_SEND_INTERVAL_MS) return;
    this.room.send("move", { dirX: Math.max(-1, Math.min(1, qx)), dirZ: Math.max(-1, Math.min(1, qz)) });
    this.lastSentDir = { x: qx, z: qz };
    this.lastSendAt = now;
  }

  dispose(): void {
    avatarFrame.entries.clear();
    avatarFrame.membershipVersion++;
  }
}
