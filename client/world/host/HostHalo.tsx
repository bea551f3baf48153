import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import {
  AdditiveBlending,
  BufferAttribute,
  type BufferGeometry,
  Color,
  type Group,
  type Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  RingGeometry,
} from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { radialGlowTexture } from "../util/canvasTexture.ts";

/** Where the glow texture is full white: the rings sample it there, so they draw unchanged. */
const TEXTURE_CENTRE = 0.5;
const RING_COLOR = new Color("#f0cf8a");
const FLOOR_GLOW_COLOR = new Color("#c99a55");
const FLOOR_GLOW_OPACITY = 0.55;

/** The ring's breathing opacity at time `t` (seconds). */
const ringOpacity = (t: number) => 0.65 + Math.sin(t * 1.4) * 0.15;

/**
 * The floor piece in one geometry: the soft glow (a textured quad) first, then both rings, whose
 * texture coordinates all point at the glow's white centre. Colour and opacity ride in the vertex
 * colours (additive blending adds colour × alpha, so opacity premultiplies into the colour).
 */
function floorGeometry(): { geometry: BufferGeometry; ringStart: number } {
  const glow = new PlaneGeometry(2.6, 2.6);
  const rings = [new RingGeometry(0.62, 0.68, 64), new RingGeometry(0.8, 0.83, 64)];
  for (const r of rings) {
    const uv = r.getAttribute("uv");
    for (let i = 0; i < uv.count; i++) uv.setXY(i, TEXTURE_CENTRE, TEXTURE_CENTRE);
  }
  const parts = [glow, ...rings];
  const geometry = mergeGeometries(parts, false);
  for (const p of parts) p.dispose();
  if (!geometry) throw new Error("the host's halo rings could not be merged");
  const ringStart = glow.getAttribute("position").count;
  const colors = new Float32Array(geometry.getAttribute("position").count * 3);
  const glowColor = FLOOR_GLOW_COLOR.clone().multiplyScalar(FLOOR_GLOW_OPACITY);
  for (let i = 0; i < ringStart; i++) glowColor.toArray(colors, i * 3);
  geometry.setAttribute("color", new BufferAttribute(colors, 3));
  return { geometry, ringStart };
}

/**
 * What makes the host read as the host without a real light (no extra lit passes on software
 * renderers): a double champagne ring at its feet that breathes slowly over a soft floor glow
 * (one draw: one geometry, vertex colours), and a soft camera-facing aura behind it (a second).
 * Both unlit and additive.
 */
export function HostHalo() {
  const aura = useRef<Mesh>(null);
  const rings = useRef<Group>(null);
  const res = useMemo(() => {
    const glow = radialGlowTexture(128, 1.8);
    const floor = floorGeometry();
    return {
      glow,
      floor: floor.geometry,
      ringStart: floor.ringStart,
      floorMaterial: new MeshBasicMaterial({
        map: glow,
        vertexColors: true,
        transparent: true,
        depthWrite: false,
        blending: AdditiveBlending,
        toneMapped: false,
      }),
      plane: new PlaneGeometry(1, 1),
      auraMaterial: new MeshBasicMaterial({
        map: glow,
        color: "#ffd9a0",
        transparent: true,
        opacity: 0.3,
        depthWrite: false,
        blending: AdditiveBlending,
        toneMapped: false,
      }),
    };
  }, []);
  useEffect(
    () => () => {
      const { ringStart: _, ...disposable } = res;
      for (const d of Object.values(disposable)) d.dispose();
    },
    [res],
  );
  const ringColor = useMemo(() => new Color(), []);

  useFrame(({ camera, clock }) => {
    const t = clock.elapsedTime;
    const a = aura.current;
    if (a?.parent) {
      // Face the camera: cancel the host's own turn, then take the camera's orientation.
      a.quaternion.copy(a.parent.quaternion).invert().multiply(camera.quaternion);
    }
    const r = rings.current;
    if (r) {
      r.rotation.z = t * 0.15;
      r.scale.setScalar(1 + Math.sin(t * 1.4) * 0.035);
      ringColor.copy(RING_COLOR).multiplyScalar(ringOpacity(t));
      const colors = res.floor.getAttribute("color") as BufferAttribute;
      for (let i = res.ringStart; i < colors.count; i++)
        colors.setXYZ(i, ringColor.r, ringColor.g, ringColor.b);
      colors.needsUpdate = true;
    }
  });

  return (
    <>
      <group ref={rings} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.02, 0]}>
        <mesh geometry={res.floor} material={res.floorMaterial} renderOrder={1} />
      </group>
      <mesh
        ref={aura}
        geometry={res.plane}
        material={res.auraMaterial}
        position={[0, 1.15, -0.2]}
        scale={[2.4, 3.1, 1]}
        renderOrder={3}
      />
    </>
  );
}
