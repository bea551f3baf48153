import { type ThreeEvent, useFrame } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import type { Group } from "three";
import type { DisplaySlot } from "../../../shared/avenue/layout.ts";
import type { Product } from "../../../shared/catalog.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { worldStats } from "../worldStats.ts";
import { GltfProduct } from "./GltfProduct.tsx";
import { ProceduralProduct } from "./ProceduralProduct.tsx";

/** Radians per second of the window's slow turntable. */
const TURN_SPEED = 0.25;

/**
 * A product on its plinth, turning slowly. An invisible cylinder takes the pointer (cheap to
 * raycast, and generous around thin jewellery): hover shows a pointer, click selects the product.
 */
export function ProductDisplay({
  product,
  slot,
  phase,
}: {
  product: Product;
  slot: DisplaySlot;
  phase: number;
}) {
  const turntable = useRef<Group>(null);
  const hovered = useRef(false);
  const h = product.model.displayHeight;
  useEffect(() => {
    worldStats.productsShown++;
    return () => {
      worldStats.productsShown--;
    };
  }, []);
  useFrame(({ clock }, delta) => {
    const t = turntable.current;
    if (!t) return;
    t.rotation.y = phase + clock.elapsedTime * TURN_SPEED;
    const target = hovered.current ? 1.06 : 1;
    t.scale.setScalar(t.scale.x + (target - t.scale.x) * Math.min(1, delta * 10));
  });
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    useWorldStore.getState().selectProduct(product.id);
  };
  const onOver = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    hovered.current = true;
    document.body.style.cursor = "pointer";
  };
  const onOut = () => {
    hovered.current = false;
    document.body.style.cursor = "";
  };
  useEffect(
    () => () => {
      if (hovered.current) document.body.style.cursor = "";
    },
    [],
  );
  const model = product.model;
  return (
    <group
      position={[slot.x, slot.y, slot.z]}
      rotation={[0, slot.rotationY, 0]}
      userData={{ productId: product.id }}
    >
      <group ref={turntable}>
        <group scale={h}>
          {model.kind === "gltf" ? (
            <GltfProduct url={model.url} lodUrl={model.lodUrl} />
          ) : (
            <ProceduralProduct shape={model.shape} colors={model.colors} windowed />
          )}
        </group>
      </group>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh, not a DOM element */}
      <mesh
        position={[0, h / 2 + 0.02, 0]}
        visible={false}
        onClick={onClick}
        onPointerOver={onOver}
        onPointerOut={onOut}
      >
        <cylinderGeometry args={[0.3, 0.3, Math.max(h, 0.3) + 0.1, 12]} />
      </mesh>
    </group>
  );
}
