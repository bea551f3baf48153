import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { avatarFrame } from "../../../net/avatarFrame.ts";
import { AVATAR_FRAME_PRIORITY } from "../../../world/avatars/AvatarCrowd.tsx";
import { createAvatarMeshes } from "../../../world/avatars/avatarMeshes.ts";
import { type AvatarMotion, poseAvatar } from "../../../world/avatars/avatarPose.ts";
import { paintAvatar } from "../../../world/avatars/paintAvatar.ts";
import { renderedAvatars } from "../../../world/avatars/renderedAvatars.ts";
import { SelfHalo } from "../../../world/avatars/SelfHalo.tsx";

/** Few people fit in a vitrine (VITRINE_MAX_CLIENTS); one instance per seat. */
const CAPACITY = 32;

type Tracked = AvatarMotion & { look: number; connected: boolean; index: number; name: string };

/**
 * The people inside, with the avenue's avatars (same bodies, outfits, walk cycle, instanced draw
 * calls and name tags), standing on the gallery's flat floor. Written into `renderedAvatars` so the
 * name tags, the self halo and the camera read them as on the avenue.
 */
export function VitrineAvatars() {
  const built = useMemo(() => createAvatarMeshes(CAPACITY), []);
  useEffect(() => built.dispose, [built]);
  const state = useMemo(() => ({ tracked: new Map<string, Tracked>(), seen: -1, dirty: false }), []);

  useFrame(({ clock }, delta) => {
    const entries = avatarFrame.entries;
    if (avatarFrame.membershipVersion !== state.seen) {
      state.seen = avatarFrame.membershipVersion;
      for (const id of state.tracked.keys()) if (!entries.has(id)) state.tracked.delete(id);
      state.dirty = true;
    }
    let i = 0;
    for (const e of entries.values()) {
      if (i >= CAPACITY) break;
      let m = state.tracked.get(e.sessionId);
      if (!m) {
        m = {
          phase: (state.tracked.size * 2.39996) % (Math.PI * 2),
          walk: 0,
          look: -1,
          connected: true,
          index: -1,
          name: "",
        };
        state.tracked.set(e.sessionId, m);
      }
      m.walk += ((e.anim === 1 ? 1 : 0) - m.walk) * Math.min(1, delta * 8);
      poseAvatar(built.meshes, i, e.x, 0, e.z, e.heading, m, clock.elapsedTime);
      if (m.index !== i || m.look !== e.look || m.connected !== e.connected || m.name !== e.name) {
        paintAvatar(built.meshes, i, e.look, e.connected);
        Object.assign(m, { index: i, look: e.look, connected: e.connected, name: e.name });
        state.dirty = true;
      }
      const r = renderedAvatars.list[i] ?? {
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
      Object.assign(r, { sessionId: e.sessionId, name: e.name, kind: e.kind, x: e.x, y: 0, z: e.z });
      r.isSelf = e.isSelf;
      r.connected = e.connected;
      i++;
    }
    const m = built.meshes;
    for (const mesh of [m.coat, m.head, m.hair, m.shadow]) mesh.count = i;
    m.legs.count = 2 * i;
    m.arms.count = 2 * i;
    for (const mesh of Object.values(m)) {
      mesh.instanceMatrix.needsUpdate = true;
      if (state.dirty && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      const fade = mesh.geometry.getAttribute("instanceFade");
      if (state.dirty && fade) fade.needsUpdate = true;
    }
    if (state.dirty || renderedAvatars.count !== i) renderedAvatars.version++;
    renderedAvatars.count = i;
    state.dirty = false;
  }, AVATAR_FRAME_PRIORITY);

  useEffect(
    () => () => {
      renderedAvatars.count = 0;
      renderedAvatars.version++;
    },
    [],
  );

  return (
    <group>
      {Object.values(built.meshes).map((mesh) => (
        <primitive key={mesh.uuid} object={mesh} />
      ))}
      <SelfHalo />
    </group>
  );
}
