import type { AvenueLayout } from "../../shared/avenue/layout.ts";
import { directionTowards, stepPose } from "../../shared/avenue/movement.ts";
import { AvatarAnim } from "../../shared/avenue/state.ts";
import { INTERPOLATION_DELAY_MS } from "../../shared/constants.ts";
import { bindChat } from "../ui/chat/chatChannel.ts";
import { HostSync } from "../world/host/hostSync.ts";
import { avatarFrame } from "./avatarFrame.ts";
import type { AvenueRoom } from "./avenueConnection.ts";
import { SnapshotBuffer } from "./interpolation.ts";
import { localInput } from "./localInput.ts";

/** Minimum gap between two `move` intents: keeps a turning camera far below the server's rate limit. */
const MOVE_SEND_INTERVAL_MS = 80;
/** Longest single prediction step; longer frames are split into several. */
const PREDICTION_STEP_SECONDS = 1 / 30;
/** Beyond this distance the predicted self snaps to the server's position instead of easing. */
const SNAP_DISTANCE = 2.5;

/**
 * Turns the room's 20 Hz state into per-frame poses: remote avatars are interpolated, the local one
 * is predicted with the shared movement rules and reconciled with the server. It is also the one
 * place that sends movement intents.
 */
export class AvenueSync {
  private readonly room: AvenueRoom;
  private readonly getLayout: () => AvenueLayout | null;
  private readonly buffers = new Map<string, SnapshotBuffer>();
  private self: { x: number; z: number; heading: number } | null = null;
  private lastSentDir = { x: 0, z: 0 };
  private lastSendAt = -Infinity;
  private sentTarget: { x: number; z: number } | null = null;
  private readonly sample = { x: 0, z: 0, heading: 0 };
  /** The host's pose and lines, and the room's chat messages. */
  private readonly host = new HostSync();
  private readonly unbindChat: () => void;

  constructor(room: AvenueRoom, getLayout: () => AvenueLayout | null) {
    this.room = room;
    this.getLayout = getLayout;
    this.unbindChat = bindChat(room);
  }

  /** Records a snapshot of every avatar; called on each state patch. */
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
    this.host.onPatch(this.room.state, now);
  }

  /** Advances prediction and interpolation to `now` and writes avatarFrame. */
  frame(now: number, dtSeconds: number): void {
    const layout = this.getLayout();
    const entries = avatarFrame.entries;
    let membershipChanged = false;
    for (const [id, a] of this.room.state.avatars) {
      let e = entries.get(id);
      if (!e) {
        e = {
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
        entries.set(id, e);
        membershipChanged = true;
      }
      e.name = a.name;
      e.kind = a.kind;
      e.look = a.look;
      e.connected = a.connected;
      if (e.isSelf && layout) {
        this.predictSelf(a, layout, now, dtSeconds);
        const s = this.self;
        if (s) {
          e.anim =
            localInput.dirX !== 0 || localInput.dirZ !== 0 || localInput.target ? AvatarAnim.walk : a.anim;
          e.x = s.x;
          e.z = s.z;
          e.heading = s.heading;
        }
      } else {
        this.buffers.get(id)?.sample(now - INTERPOLATION_DELAY_MS, this.sample);
        e.x = this.sample.x;
        e.z = this.sample.z;
        e.heading = this.sample.heading;
        e.anim = a.anim;
      }
    }
    for (const id of entries.keys()) {
      if (!this.room.state.avatars.has(id)) {
        entries.delete(id);
        membershipChanged = true;
      }
    }
    if (membershipChanged) avatarFrame.membershipVersion++;
    this.host.frame(now);
  }

  private predictSelf(
    server: { x: number; z: number; heading: number },
    layout: AvenueLayout,
    now: number,
    dt: number,
  ): void {
    if (!this.self) this.self = { x: server.x, z: server.z, heading: server.heading };
    const self = this.self;
    this.pumpIntents(now);
    // Sub-step long frames (a slow machine) so prediction keeps pace with the server's clock.
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

    // Reconcile: the server is the authority. Far off (a collision we mispredicted, a reconnection)
    // means snap; standing still means ease onto the server's pose.
    const error = Math.hypot(server.x - self.x, server.z - self.z);
    if (error > SNAP_DISTANCE) {
      self.x = server.x;
      self.z = server.z;
    } else if (!moving && error > 0.01) {
      const k = 1 - Math.exp(-Math.min(dt, 0.5) * 6);
      self.x += (server.x - self.x) * k;
      self.z += (server.z - self.z) * k;
    }
  }

  /**
   * Turns the local input into intents. Runs every frame and on a timer of its own, so a slow
   * renderer does not delay a stop or a turn.
   */
  pumpIntents(now: number): void {
    const target = localInput.target;
    if (target) {
      const keysHeld = localInput.dirX !== 0 || localInput.dirZ !== 0;
      const arrived = this.self !== null && directionTowards(this.self, target) === null;
      if (keysHeld || arrived) localInput.target = null; // keys take over from a click
    }
    this.sendIntents(now);
  }

  private sendIntents(now: number): void {
    const target = localInput.target;
    if (target && target !== this.sentTarget) {
      this.room.send("moveTo", { x: target.x, z: target.z });
      this.sentTarget = target;
      this.lastSentDir = { x: 0, z: 0 };
      this.lastSendAt = now;
      return;
    }
    if (target) return; // the server walks us there; a move{0,0} would cancel it
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
    this.unbindChat();
    this.host.dispose();
    avatarFrame.entries.clear();
    avatarFrame.membershipVersion++;
  }
}
