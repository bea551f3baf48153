import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef, useState } from "react";
import { type AvatarFrameEntry, avatarFrame } from "../../net/avatarFrame.ts";
import { reducedMotionNow } from "../../ui/a11y/comfortStore.ts";
import { createAvatarMeshes } from "./avatarMeshes.ts";
import { type AvatarMotion, poseAvatar } from "./avatarPose.ts";
import { paintAvatar } from "./paintAvatar.ts";
import { type RenderedAvatar, renderedAvatars } from "./renderedAvatars.ts";
import { SelfHalo } from "./SelfHalo.tsx";

/** Avatars are drawn before the camera and name tags read where they were drawn. */
export const AVATAR_FRAME_PRIORITY = -30;
/** Instances first allocated; the crowd grows by powers of two when more people arrive. */
const INITIAL_CAPACITY = 32;

type Tracked = AvatarMotion & { look: number; connected: boolean; index: number; name: string };

/** Height of the floor under a point (default: flat at 0). */
export type GroundHeight = (x: number, z: number) => number;
const FLAT: GroundHeight = () => 0;

/**
 * Everyone in the room (any walkable room), drawn with one InstancedMesh per body part and posed
 * per instance from `avatarFrame` inside useFrame: no React render per avatar, constant draw calls.
 * Writes `renderedAvatars`, which the name tags, the self halo, the camera and the test hook read.
 */
export function AvatarCrowd({ groundHeight = FLAT }: { groundHeight?: GroundHeight }) {
  const [capacity, setCapacity] = useState(INITIAL_CAPACITY);
  const built = useMemo(() => createAvatarMeshes(capacity), [capacity]);
  useEffect(() => built.dispose, [built]);
  // Read through a ref: a new function each render must not rebuild the crowd.
  const ground = useRef(groundHeight);
  ground.current = groundHeight;

  const frame = useMemo(() => {
    const tracked = new Map<string, Tracked>();
    const st = { seen: -1, index: 0, time: 0, delta: 0, dirty: false, calm: false };
    const visit = (e: AvatarFrameEntry) => {
      const i = st.index;
      if (i >= capacity) return;
      let m = tracked.get(e.sessionId);
      if (!m) {
        const phase = (tracked.size * 2.39996) % (Math.PI * 2);
        m = { phase, walk: 0, look: -1, connected: true, index: -1, name: "" };
        tracked.set(e.sessionId, m);
      }
      m.walk += ((e.anim === 1 ? 1 : 0) - m.walk) * Math.min(1, st.delta * 8);
      const y = ground.current(e.x, e.z);
      poseAvatar(built.meshes, i, e.x, y, e.z, e.heading, m, st.time, st.calm);
      if (m.index !== i || m.look !== e.look || m.connected !== e.connected || m.name !== e.name) {
        paintAvatar(built.meshes, i, e.look, e.connected);
        Object.assign(m, { index: i, look: e.look, connected: e.connected, name: e.name });
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
  }, [built, capacity]);

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
    st.calm = reducedMotionNow();
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

  // Gone from the page: nobody is drawn any more (name tags and the camera read this).
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
