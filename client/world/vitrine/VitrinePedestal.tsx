import { useFrame } from "@react-three/fiber";
import { Suspense, useEffect, useMemo, useRef } from "react";
import { BoxGeometry, type Group, Mesh, MeshStandardMaterial, type Object3D, type SpotLight } from "three";
import { PEDESTAL_HEIGHT, type VitrinePedestalSlot } from "../../../shared/vitrineRoom.ts";
import { GltfProduct } from "../products/GltfProduct.tsx";
import { ProductPlaceholder } from "../products/ProductPlaceholder.tsx";
import { useModelStatus } from "../products/useModel.ts";
import { PedestalPlaque } from "./PedestalPlaque.tsx";
import type { PlaqueWords } from "./plaqueTexture.ts";
import { frameControl, pedestalRegistry } from "./vitrineHook.ts";

const SIDE = 0.66;
/** Pieces are shown at a hero size on their pedestal, whatever their real size (metres). */
const HERO_MIN = 0.5;
const HERO_MAX = 0.9;
/** Radians per second of the slow turn of each piece (none when rendering on demand). */
const TURN_SPEED = 0.25;

type Props = {
  copyId: string;
  slot: VitrinePedestalSlot;
  modelUrl: string;
  displayHeight: number;
  words: PlaqueWords;
  /** A spot light of its own (the first few pedestals; the rest rely on the painted pools). */
  spot: boolean;
  shadows: boolean;
  index: number;
};

/**
 * One collectible on display: a lacquered plinth with a brass band under its cap, the piece turning slowly on
 * top under its own warm spot (soft shadows when the machine affords them), and the plaque.
 */
export function VitrinePedestal({
  copyId,
  slot,
  modelUrl,
  displayHeight,
  words,
  spot,
  shadows,
  index,
}: Props) {
  const turntable = useRef<Group>(null);
  const anchor = useRef<Group>(null);
  const light = useRef<SpotLight>(null);
  const status = useModelStatus(modelUrl);
  const height = Math.min(HERO_MAX, Math.max(HERO_MIN, displayHeight));
  const res = useMemo(
    () => ({
      body: new BoxGeometry(SIDE, PEDESTAL_HEIGHT - 0.06, SIDE),
      band: new BoxGeometry(SIDE + 0.02, 0.018, SIDE + 0.02),
      cap: new BoxGeometry(SIDE + 0.05, 0.03, SIDE + 0.05),
      plinth: new BoxGeometry(SIDE + 0.08, 0.06, SIDE + 0.08),
      lacquer: new MeshStandardMaterial({ color: "#0f0e12", roughness: 0.22, metalness: 0.2 }),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.24, metalness: 0.95 }),
    }),
    [],
  );
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );

  useEffect(() => {
    const a = anchor.current;
    if (!a) return;
    pedestalRegistry.set(copyId, { anchor: a, name: words.name, editionLabel: words.edition, modelUrl });
    return () => {
      if (pedestalRegistry.get(copyId)?.anchor === a) pedestalRegistry.delete(copyId);
    };
  }, [copyId, words.name, words.edition, modelUrl]);

  // The loaded piece casts its shadow on the cap (only where shadow maps are on).
  useEffect(() => {
    if (!shadows || status !== "ready") return;
    turntable.current?.traverse((o: Object3D) => {
      if (o instanceof Mesh) o.castShadow = true;
    });
  }, [shadows, status]);

  useEffect(() => {
    const l = light.current;
    if (l && anchor.current) l.target = anchor.current;
  }, []);

  useFrame(({ clock }) => {
    const t = turntable.current;
    if (!t) return;
    // Held for a screenshot, each piece rests at a three-quarter view.
    t.rotation.y = frameControl.held ? 0.6 : 0.6 + index * 1.3 + clock.elapsedTime * TURN_SPEED;
  });

  return (
    <group position={[slot.x, 0, slot.z]} rotation={[0, slot.rotationY, 0]}>
      <mesh geometry={res.plinth} material={res.brass} position={[0, 0.03, 0]} receiveShadow={shadows} />
      <mesh
        geometry={res.body}
        material={res.lacquer}
        position={[0, 0.06 + (PEDESTAL_HEIGHT - 0.06) / 2, 0]}
        castShadow={shadows}
        receiveShadow={shadows}
      />
      <mesh geometry={res.band} material={res.brass} position={[0, PEDESTAL_HEIGHT - 0.045, 0]} />
      <mesh
        geometry={res.cap}
        material={res.lacquer}
        position={[0, PEDESTAL_HEIGHT - 0.015, 0]}
        receiveShadow={shadows}
      />
      <group ref={anchor} position={[0, PEDESTAL_HEIGHT + height / 2, 0]} />
      <group ref={turntable} position={[0, PEDESTAL_HEIGHT, 0]}>
        <group scale={height}>
          <Suspense fallback={<ProductPlaceholder pending />}>
            <GltfProduct url={modelUrl} />
          </Suspense>
        </group>
      </group>
      <PedestalPlaque words={words} position={[0, PEDESTAL_HEIGHT * 0.66, SIDE / 2 + 0.035]} />
      {spot ? (
        <spotLight
          ref={light}
          color="#ffe0b4"
          position={[0.35, 3.6, 1.4]}
          angle={0.36}
          penumbra={0.75}
          intensity={42}
          decay={2}
          castShadow={shadows}
          shadow-mapSize-width={512}
          shadow-mapSize-height={512}
          shadow-bias={-0.0004}
          shadow-radius={6}
        />
      ) : null}
    </group>
  );
}
