import { Environment } from "@react-three/drei";
import { memo, Suspense, useEffect, useMemo } from "react";
import {
  BoxGeometry,
  CylinderGeometry,
  MeshBasicMaterial,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
} from "three";
import { SALON_LAYOUT } from "../../../shared/clienteling/salonRoom.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { createFloorTexture, createPoolTexture, createWallTexture } from "../vitrine/galleryTextures.ts";
import { createDuskWindowTexture } from "./duskWindowTexture.ts";

export const TABLE_TOP = 0.78;
const WALL_HEIGHT = 3.4;
const NIGHT = "#0d0a10";

/**
 * The private salon: dark honed floor, lacquered panelling, a tall window onto the avenue at dusk
 * behind the table, two velvet armchairs where the layout's colliders stand, and the round table
 * under a warm spot. Sizes follow SALON_LAYOUT so the walls and the furniture match the floor.
 */
export const SalonRoomDecor = memo(function SalonRoomDecor({ shadows }: { shadows: boolean }) {
  const { minX, maxX, minZ, maxZ } = SALON_LAYOUT.bounds;
  const width = maxX - minX + 0.4;
  const depth = maxZ - minZ + 3;
  const res = useMemo(() => {
    const window = createDuskWindowTexture();
    return {
      window,
      floorMap: createFloorTexture(width / 2.2, depth / 2.2),
      wallMap: createWallTexture(width / 1.4),
      sideMap: createWallTexture((maxZ - minZ) / 1.4),
      pool: createPoolTexture(),
      floor: new PlaneGeometry(width, depth),
      back: new PlaneGeometry(width, WALL_HEIGHT),
      side: new PlaneGeometry(maxZ - minZ + 0.4, WALL_HEIGHT),
      pane: new PlaneGeometry(3.2, 1.7),
      frame: new BoxGeometry(3.4, 1.9, 0.06),
      pool3: new PlaneGeometry(3.4, 3.4),
      tableTop: new CylinderGeometry(0.86, 0.86, 0.05, 64),
      tableFoot: new CylinderGeometry(0.12, 0.34, TABLE_TOP - 0.05, 32),
      seat: new BoxGeometry(1.1, 0.42, 1.4),
      back2: new BoxGeometry(0.22, 0.62, 1.4),
    };
  }, [width, depth, maxZ, minZ]);
  const mats = useMemo(
    () => ({
      floor: new MeshStandardMaterial({
        map: res.floorMap,
        roughness: 0.3,
        metalness: 0.05,
        envMapIntensity: 0.5,
      }),
      wall: new MeshStandardMaterial({ map: res.wallMap, roughness: 0.55, metalness: 0.1, color: "#d8c9c0" }),
      side: new MeshStandardMaterial({ map: res.sideMap, roughness: 0.55, metalness: 0.1, color: "#d8c9c0" }),
      window: new MeshBasicMaterial({ map: res.window, toneMapped: false }),
      brass: new MeshPhysicalMaterial({ color: "#b8904a", metalness: 1, roughness: 0.25 }),
      top: new MeshPhysicalMaterial({ color: "#2a1418", roughness: 0.85, sheen: 1, sheenColor: "#8a3a48" }),
      velvet: new MeshPhysicalMaterial({ color: "#3b1d2a", roughness: 0.9, sheen: 1, sheenColor: "#b06a82" }),
      pool: new MeshBasicMaterial({ map: res.pool, transparent: true, depthWrite: false, toneMapped: false }),
    }),
    [res],
  );
  useEffect(
    () => () => {
      for (const d of [...Object.values(res), ...Object.values(mats)]) d.dispose();
    },
    [res, mats],
  );
  const midZ = (minZ + maxZ) / 2;
  const backZ = minZ - 0.2;
  return (
    <>
      <color attach="background" args={[NIGHT]} />
      <fog attach="fog" args={[NIGHT, 9, 20]} />
      <Suspense fallback={null}>
        <Environment files={ENVIRONMENT_FILE} environmentIntensity={0.35} />
      </Suspense>
      <hemisphereLight args={["#e0cfe6", "#22160f", 0.5]} />
      <spotLight
        color="#ffe2b8"
        position={[0, 3.2, 1.2]}
        angle={0.5}
        penumbra={0.7}
        intensity={28}
        distance={8}
        castShadow={shadows}
      />
      <pointLight color="#ffb070" position={[0, 1.6, backZ + 0.5]} intensity={2.2} distance={5} />
      <mesh
        geometry={res.floor}
        material={mats.floor}
        rotation={[-Math.PI / 2, 0, 0]}
        position={[0, 0, minZ - 0.2 + depth / 2]}
        receiveShadow={shadows}
      />
      <mesh geometry={res.back} material={mats.wall} position={[0, WALL_HEIGHT / 2, backZ]} />
      <mesh geometry={res.frame} material={mats.brass} position={[0, 1.75, backZ + 0.02]} />
      <mesh geometry={res.pane} material={mats.window} position={[0, 1.75, backZ + 0.06]} />
      <mesh
        geometry={res.side}
        material={mats.side}
        position={[minX - 0.2, WALL_HEIGHT / 2, midZ]}
        rotation={[0, Math.PI / 2, 0]}
      />
      <mesh
        geometry={res.side}
        material={mats.side}
        position={[maxX + 0.2, WALL_HEIGHT / 2, midZ]}
        rotation={[0, -Math.PI / 2, 0]}
      />
      <mesh
        geometry={res.pool3}
        material={mats.pool}
        rotation={[-Math.PI / 2, 0, 0]}
        position={[0, 0.004, 0]}
        renderOrder={1}
      />
      <mesh
        geometry={res.tableFoot}
        material={mats.brass}
        position={[0, (TABLE_TOP - 0.05) / 2, 0]}
        castShadow={shadows}
      />
      <mesh
        geometry={res.tableTop}
        material={mats.top}
        position={[0, TABLE_TOP - 0.025, 0]}
        receiveShadow={shadows}
      />
      {[-1, 1].map((side) => (
        <group key={side} position={[side * 3.2, 0, -2]} rotation={[0, side * 0.5, 0]}>
          <mesh geometry={res.seat} material={mats.velvet} position={[0, 0.21, 0]} castShadow={shadows} />
          <mesh
            geometry={res.back2}
            material={mats.velvet}
            position={[side * 0.45, 0.62, 0]}
            castShadow={shadows}
          />
        </group>
      ))}
    </>
  );
});
