import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import {
  AdditiveBlending,
  CanvasTexture,
  CylinderGeometry,
  type Group,
  MeshBasicMaterial,
  SpriteMaterial,
  SRGBColorSpace,
  TorusGeometry,
} from "three";
import { navigate } from "wouter/use-browser-location";
import type { BoutiqueLayout } from "../../../shared/avenue/layout.ts";
import { beaconRegistry } from "./beaconRegistry.ts";

const COLUMN_HEIGHT = 9;
/** How far in front of the door (towards the street's middle) the beacon stands. */
const STREET_OFFSET = 2.2;

function paintLabel(eyebrow: string, title: string): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = 768;
  canvas.height = 192;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.fillStyle = "rgba(14, 13, 22, 0.82)";
    ctx.beginPath();
    ctx.roundRect(8, 8, 752, 176, 28);
    ctx.fill();
    ctx.strokeStyle = "rgba(226, 190, 120, 0.9)";
    ctx.lineWidth = 3;
    ctx.stroke();
    ctx.textAlign = "center";
    ctx.fillStyle = "#e7c27f";
    ctx.font = "600 34px Inter, sans-serif";
    ctx.fillText(`● ${eyebrow.toUpperCase()}`, 384, 72);
    ctx.fillStyle = "#f6efe3";
    ctx.font = "italic 500 54px 'Cormorant Garamond', Georgia, serif";
    ctx.fillText(title, 384, 142, 720);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/**
 * A live event's beacon before its maison's boutique: a column of warm light rising from a
 * glowing ring on the pavement, with the show's title floating above the passers-by. A click on
 * it opens the event's page.
 */
export function EventBeacon({
  eventId,
  boutique,
  eyebrow,
  title,
}: {
  eventId: string;
  boutique: BoutiqueLayout;
  eyebrow: string;
  title: string;
}) {
  const ring = useRef<Group>(null);
  const anchor = useRef<Group>(null);
  const res = useMemo(() => {
    const label = paintLabel(eyebrow, title);
    return {
      label,
      column: new CylinderGeometry(0.55, 0.8, COLUMN_HEIGHT, 32, 1, true),
      columnMaterial: new MeshBasicMaterial({
        color: "#ffcf8a",
        transparent: true,
        opacity: 0.22,
        blending: AdditiveBlending,
        depthWrite: false,
        toneMapped: false,
      }),
      ring: new TorusGeometry(0.95, 0.05, 12, 64),
      ringMaterial: new MeshBasicMaterial({ color: "#ffd99c", toneMapped: false }),
      sprite: new SpriteMaterial({ map: label, transparent: true, depthWrite: false, toneMapped: false }),
    };
  }, [eyebrow, title]);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  useEffect(() => {
    const a = anchor.current;
    if (!a) return;
    beaconRegistry.set(eventId, { brandId: boutique.brandId, anchor: a });
    return () => {
      if (beaconRegistry.get(eventId)?.anchor === a) beaconRegistry.delete(eventId);
    };
  }, [eventId, boutique.brandId]);
  useFrame(({ clock }) => {
    const r = ring.current;
    if (!r) return;
    const t = clock.elapsedTime;
    r.scale.setScalar(1 + 0.08 * Math.sin(t * 2.2));
  });
  const towardsStreet = boutique.side === "left" ? 1 : -1;
  const x = boutique.door.x + towardsStreet * STREET_OFFSET;
  const open = (e: { stopPropagation(): void }) => {
    e.stopPropagation();
    navigate(`/events/${encodeURIComponent(eventId)}`);
  };
  return (
    <group position={[x, 0, boutique.door.z]} userData={{ eventId }}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh, not a DOM element */}
      <mesh
        geometry={res.column}
        material={res.columnMaterial}
        position={[0, COLUMN_HEIGHT / 2, 0]}
        onClick={open}
        onPointerOver={() => {
          document.body.style.cursor = "pointer";
        }}
        onPointerOut={() => {
          document.body.style.cursor = "";
        }}
      />
      <group ref={ring} position={[0, 0.04, 0]} rotation={[-Math.PI / 2, 0, 0]}>
        <mesh geometry={res.ring} material={res.ringMaterial} />
      </group>
      <group ref={anchor} position={[0, 3.3, 0]}>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js sprite, not a DOM element */}
        <sprite material={res.sprite} scale={[3.2, 0.8, 1]} onClick={open} />
      </group>
    </group>
  );
}
