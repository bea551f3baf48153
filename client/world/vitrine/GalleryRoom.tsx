import { Environment } from "@react-three/drei";
import { memo, Suspense, useEffect, useMemo } from "react";
import { MeshBasicMaterial, MeshStandardMaterial, PlaneGeometry } from "three";
import type { VitrineLayout } from "../../../shared/vitrineRoom.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { createFloorTexture, createPoolTexture, createWallTexture } from "./galleryTextures.ts";

const WALL_HEIGHT = 4.6;
const NIGHT = "#0b0a0f";
/** One wall panel every this many metres. */
const PANEL_WIDTH = 1.6;

/**
 * The gallery itself: honed dark stone underfoot, lacquered panelling on three walls (the fourth,
 * the entrance, stays open to the camera), warm painted pools of light under each pedestal, a
 * dim studio environment for reflections and a low fill. The pedestals bring their own spots.
 */
export const GalleryRoom = memo(function GalleryRoom({
  layout,
  shadows,
}: {
  layout: VitrineLayout;
  shadows: boolean;
}) {
  const { width, backZ, frontZ } = layout.room;
  const depth = frontZ - backZ + 3;
  const res = useMemo(() => {
    const floorMap = createFloorTexture(width / 2.2, depth / 2.2);
    const backMap = createWallTexture(width / PANEL_WIDTH);
    const sideMap = createWallTexture((frontZ - backZ) / PANEL_WIDTH);
    const pool = createPoolTexture();
    return {
      floorMap,
      backMap,
      sideMap,
      pool,
      floor: new PlaneGeometry(width, depth),
      back: new PlaneGeometry(width, WALL_HEIGHT),
      side: new PlaneGeometry(frontZ - backZ, WALL_HEIGHT),
      poolGeometry: new PlaneGeometry(3, 3),
      floorMaterial: new MeshStandardMaterial({
        map: floorMap,
        roughness: 0.32,
        metalness: 0.05,
        envMapIntensity: 0.6,
      }),
      backMaterial: new MeshStandardMaterial({ map: backMap, roughness: 0.55, metalness: 0.1 }),
      sideMaterial: new MeshStandardMaterial({ map: sideMap, roughness: 0.55, metalness: 0.1 }),
      poolMaterial: new MeshBasicMaterial({
        map: pool,
        transparent: true,
        depthWrite: false,
        toneMapped: false,
      }),
    };
  }, [width, depth, frontZ, backZ]);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  const midZ = (backZ + frontZ) / 2;
  return (
    <>
      <color attach="background" args={[NIGHT]} />
      <fog attach="fog" args={[NIGHT, 14, 30]} />
      <Suspense fallback={null}>
        <Environment files={ENVIRONMENT_FILE} environmentIntensity={0.3} />
      </Suspense>
      <hemisphereLight args={["#d2c6dc", "#20180f", 0.42]} />
      <directionalLight color="#ffd9ad" position={[-3, 6, frontZ + 4]} intensity={0.55} />
      <mesh
        geometry={res.floor}
        material={res.floorMaterial}
        rotation={[-Math.PI / 2, 0, 0]}
        position={[0, 0, backZ + depth / 2]}
        receiveShadow={shadows}
      />
      <mesh geometry={res.back} material={res.backMaterial} position={[0, WALL_HEIGHT / 2, backZ]} />
      <mesh
        geometry={res.side}
        material={res.sideMaterial}
        position={[-width / 2, WALL_HEIGHT / 2, midZ]}
        rotation={[0, Math.PI / 2, 0]}
      />
      <mesh
        geometry={res.side}
        material={res.sideMaterial}
        position={[width / 2, WALL_HEIGHT / 2, midZ]}
        rotation={[0, -Math.PI / 2, 0]}
      />
      {layout.pedestals.map((p) => (
        <mesh
          key={`${p.x}:${p.z}`}
          geometry={res.poolGeometry}
          material={res.poolMaterial}
          rotation={[-Math.PI / 2, 0, 0]}
          position={[p.x, 0.004, p.z]}
          renderOrder={1}
        />
      ))}
    </>
  );
});
