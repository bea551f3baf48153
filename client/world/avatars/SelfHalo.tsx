import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { AdditiveBlending, type Mesh } from "three";
import { AVATAR_MESH_PREFIX } from "./avatarMeshes.ts";
import { renderedSelf } from "./renderedAvatars.ts";

/** A thin golden ring at the local avatar's feet, so shoppers find themselves in a crowd. */
export function SelfHalo() {
  const mesh = useRef<Mesh>(null);
  useFrame(({ clock }) => {
    const m = mesh.current;
    if (!m) return;
    const self = renderedSelf();
    m.visible = self !== null;
    if (!self) return;
    m.position.set(self.x, self.y + 0.018, self.z);
    m.scale.setScalar(1 + Math.sin(clock.elapsedTime * 2) * 0.03);
  }, -29);
  return (
    <mesh
      ref={mesh}
      name={`${AVATAR_MESH_PREFIX}self-halo`}
      rotation={[-Math.PI / 2, 0, 0]}
      renderOrder={2}
      visible={false}
    >
      <ringGeometry args={[0.42, 0.47, 48]} />
      <meshBasicMaterial
        color="#e9c27a"
        transparent
        opacity={0.75}
        depthWrite={false}
        blending={AdditiveBlending}
        toneMapped={false}
      />
    </mesh>
  );
}
