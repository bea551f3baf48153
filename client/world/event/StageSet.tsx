import { useEffect, useMemo } from "react";
import {
  BoxGeometry,
  CanvasTexture,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  SRGBColorSpace,
} from "three";
import { AUDIENCE_FLOOR } from "../../../shared/events/audienceRoom.ts";
import { SCREEN, STAGE } from "./stageGeometry.ts";

/** A warm wash on the night-blue wall behind the stage, brightest around the screen. */
function paintWall(): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = 1024;
  canvas.height = 384;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    const sky = ctx.createLinearGradient(0, 0, 0, canvas.height);
    sky.addColorStop(0, "#141626");
    sky.addColorStop(1, "#0b0b12");
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const halo = ctx.createRadialGradient(512, 150, 20, 512, 150, 470);
    halo.addColorStop(0, "rgba(232, 180, 110, 0.38)");
    halo.addColorStop(0.5, "rgba(150, 100, 70, 0.14)");
    halo.addColorStop(1, "rgba(12, 13, 19, 0)");
    ctx.fillStyle = halo;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // Slim brass pilasters, as in the avenue's boutiques.
    ctx.fillStyle = "rgba(200, 163, 97, 0.35)";
    for (const x of [120, 300, 724, 904]) ctx.fillRect(x, 40, 4, 300);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/** The floor's paint: a warm pool of light before the stage fading into the night at the back. */
function paintFloor(): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = 512;
  canvas.height = 512;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.fillStyle = "#0d0d14";
    ctx.fillRect(0, 0, 512, 512);
    const pool = ctx.createRadialGradient(256, 110, 10, 256, 150, 380);
    pool.addColorStop(0, "#5a4634");
    pool.addColorStop(0.45, "#2a2230");
    pool.addColorStop(1, "#0d0d14");
    ctx.fillStyle = pool;
    ctx.fillRect(0, 0, 512, 512);
    // A fine stone joint every metre or so.
    ctx.strokeStyle = "rgba(200, 163, 97, 0.08)";
    ctx.lineWidth = 1;
    for (let i = 0; i <= 512; i += 32) {
      ctx.beginPath();
      ctx.moveTo(i, 0);
      ctx.lineTo(i, 512);
      ctx.moveTo(0, i);
      ctx.lineTo(512, i);
      ctx.stroke();
    }
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/**
 * The hall: a dark polished floor, the stage's deck of black lacquer with a brass nosing and a
 * warm strip of light under it, the wall behind, and the screen's frame. Built once, freed on unmount.
 */
export function StageSet({ shadows }: { shadows: boolean }) {
  const b = AUDIENCE_FLOOR.bounds;
  const res = useMemo(() => {
    const wallMap = paintWall();
    const floorMap = paintFloor();
    return {
      wallMap,
      floorMap,
      floor: new PlaneGeometry(b.maxX - b.minX + 8, b.maxZ - b.minZ + 8),
      floorMaterial: new MeshStandardMaterial({ map: floorMap, roughness: 0.38, metalness: 0.2 }),
      deck: new BoxGeometry(STAGE.maxX - STAGE.minX, STAGE.deck, STAGE.maxZ - STAGE.minZ),
      lacquer: new MeshStandardMaterial({ color: "#0f0e13", roughness: 0.2, metalness: 0.3 }),
      nosing: new BoxGeometry(STAGE.maxX - STAGE.minX + 0.04, 0.05, 0.06),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.25, metalness: 0.95 }),
      glow: new BoxGeometry(STAGE.maxX - STAGE.minX - 0.2, 0.03, 0.03),
      glowMaterial: new MeshBasicMaterial({ color: "#ffd59a", toneMapped: false }),
      wall: new PlaneGeometry(b.maxX - b.minX + 8, 9),
      wallMaterial: new MeshBasicMaterial({ map: wallMap, fog: false, toneMapped: false }),
      frame: new BoxGeometry(SCREEN.width + 0.24, SCREEN.height + 0.24, 0.08),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  const cx = (STAGE.minX + STAGE.maxX) / 2;
  const cz = (STAGE.minZ + STAGE.maxZ) / 2;
  return (
    <group>
      <mesh
        geometry={res.floor}
        material={res.floorMaterial}
        rotation={[-Math.PI / 2, 0, 0]}
        position={[(b.minX + b.maxX) / 2, 0, (b.minZ + b.maxZ) / 2]}
        receiveShadow={shadows}
      />
      <mesh
        geometry={res.deck}
        material={res.lacquer}
        position={[cx, STAGE.deck / 2, cz]}
        castShadow={shadows}
        receiveShadow={shadows}
      />
      <mesh geometry={res.nosing} material={res.brass} position={[cx, STAGE.deck, STAGE.maxZ]} />
      <mesh geometry={res.glow} material={res.glowMaterial} position={[cx, 0.06, STAGE.maxZ + 0.02]} />
      <mesh geometry={res.wall} material={res.wallMaterial} position={[0, 4.2, STAGE.minZ - 0.05]} />
      <mesh geometry={res.frame} material={res.brass} position={[SCREEN.x, SCREEN.y, SCREEN.z - 0.05]} />
    </group>
  );
}
