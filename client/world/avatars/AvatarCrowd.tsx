import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useState } from "react";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { type AvatarFrameEntry, avatarFrame } from "../../net/avatarFrame.ts";
import { groundHeightAt, rowHalfLength } from "../ground/groundHeight.ts";
import { createAvatarMeshes } from "./avatarMeshes.ts";
import { type AvatarMotion, poseAvatar } from "./avatarPose.ts";
import { paintAvatar } from "./paintAvatar.ts";
import { type RenderedAvatar, renderedAvatars } from "./renderedAvatars.ts";
import { SelfHalo } from "./SelfHalo.tsx";

/** Avatars are drawn before the camera and name tags read where they were drawn. */
export const AVATAR_FRAME_PRIORITY = -30;

type Tracked = AvatarMotion & { look: number; connected: boolean; index: number; name: string };

/**
 * Every avatar of the shard, drawn with one InstancedMesh per body part and posed per instance
 * from `avatarFrame` inside useFrame: no React render per avatar, constant draw calls.
 */
export function AvatarCrowd({ layout }: { layout: AvenueLayout }) {
  const [capacity, setCapacity] = useState(32);
  const built = useMemo(() => createAvatarMeshes(capacity), [capacity]);
  useEffect(() => built.dispose, [built]);
  const rowHalf = rowHalfLength(layout);

  const frame = useMemo(() => {
    const tracked = new Map<string, Tracked>();
    const st = { seen: -1, index: 0, time: 0, delta: 0, dirty: false };
    const visit = (e: AvatarFrameEntry) => {
      const i = st.index;
      if (i >= capacity) return;
      let m = tracked.get(e.sessionId);
      if (!m) {
        m = {
          phase: (tracked.size * 2.39996) % (Math.PI * 2),
          walk: 0,
          look: -1,
          connected: true,
          index: -1,
          name: "",
        };
        tracked.set(e.sessionId, m);
      }
      m.walk += ((e.anim === 1 ? 1 : 0) - m.walk) * Math.min(1, st.delta * 8);
      const y = groundHeightAt(rowHalf, e.x, e.z);
      poseAvatar(built.meshes, i, e.x, y, e.z, e.heading, m, st.time);
      if (m.index !== i || m.look !== e.look || m.connected !== e.connected || m.name !== e.name) {
        paintAvatar(built.meshes, i, e.look, e.connected);
        m.index = i;
        m.look = e.look;
        m.connected = e.connected;
        m.name = e.name;
        st.dirty = true;
      }
      const r: RenderedAvatar = renderedAvatars.list[i] ?? newRendered(i);
      r.sessionId = e.sessionId;
      r.name = e.name;
      r.kind = e.kind;
      r.x = e.x;
      r.y = y;
      r.z = e.z;
      r.isSelf = e.isSelf;
      r.connected = e.connected;
      st.index++;
    };
    return { tracked, st, visit };
  }, [built, capacity, rowHalf]);

  useFrame(({ clock }, delta) => {
    const { st, tracked, visit } = frame;
    const entries = avatarFrame.entries;
    if (avatarFrame.membershipVersion !== st.seen) {
      st.seen = avatarFrame.membershipVersion;
      for (const id of tracked.keys()) if (!entries.has(id)) tracked.delete(id);
      st.dirty = true;
      if (entries.size > capacity) setCapacity(2 ** Math.ceil(Math.log2(entries.size)));
    }
    st.index = 0;
    st.time = clock.elapsedTime;
    st.delta = delta;
    entries.forEach(visit);
    const n = st.index;
    const m = built.meshes;
    for (const mesh of [m.coat, m.head, m.hair, m.shadow]) mesh.count = n;
    m.legs.count = 2 * n;
    m.arms.count = 2 * n;
    for (const mesh of Object.values(m)) {
      mesh.instanceMatrix.needsUpdate = true;
      if (st.dirty && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      const fade = mesh.geometry.getAttribute("instanceFade");
      if (st.dirty && fade) fade.needsUpdate = true;
    }
    if (st.dirty || renderedAvatars.count !== n) renderedAvatars.version++;
    renderedAvatars.count = n;
    st.dirty = false;
  }, AVATAR_FRAME_PRIORITY);

  return (
    <group>
      {Object.values(built.meshes).map((mesh) => (
        <primitive key={mesh.uuid} object={mesh} />
      ))}
      <SelfHalo />
    </group>
  );
}

function newRendered(i: number): RenderedAvatar {
  const r: RenderedAvatar = {
    sessionId: "",
    name: "",
    kind: "",
    x: 0,
    y: 0,
    z: 0,
    isSelf: false,
    connected: true,
  };
  renderedAvatars.list[i] = r;
  return r;
}
