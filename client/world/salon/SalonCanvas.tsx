import { Canvas, useFrame } from "@react-three/fiber";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ACESFilmicToneMapping, type Mesh, PCFSoftShadowMap } from "three";
import type { Product } from "../../../shared/catalog.ts";
import { SALON_LAYOUT } from "../../../shared/clienteling/salonRoom.ts";
import { useSalonStore } from "../../ui/salon/salonStore.ts";
import { isSoftwareRenderer } from "../../ui/softwareRenderer.ts";
import { AvatarCrowd } from "../avatars/AvatarCrowd.tsx";
import { NameTags } from "../avatars/NameTags.tsx";
import { CAMERA_PRIORITY } from "../controls/CameraRig.tsx";
import { KeyboardInput } from "../controls/KeyboardInput.tsx";
import { WalkSurface } from "../ground/WalkSurface.tsx";
import type { EngravingMark } from "../products/PersonalisedProduct.tsx";
import { type BaseSceneSnapshot, type SceneParts, SceneTestHook } from "../SceneTestHook.tsx";
import { SalonRoomDecor, TABLE_TOP } from "./SalonRoomDecor.tsx";
import { TablePiece } from "./TablePiece.tsx";

export type SalonSceneSnapshot = BaseSceneSnapshot & {
  table: { productId: string; variant: string; yaw: number; pitch: number; zoom: number };
  /** Engravings drawn on the model now, read from the scene graph. */
  engravings: Array<{ optionId: string; text: string; font: string }>;
};

function describeSalon(base: BaseSceneSnapshot, { scene }: SceneParts): SalonSceneSnapshot {
  const { productId, variant, yaw, pitch, zoom } = useSalonStore.getState().table;
  const engravings: SalonSceneSnapshot["engravings"] = [];
  scene.traverse((o) => {
    if (o.name.startsWith("engraving:") && (o as Mesh).isMesh) {
      const data = o.userData as { engraving?: string; font?: string };
      engravings.push({ optionId: o.name.slice(10), text: data.engraving ?? "", font: data.font ?? "" });
    }
  });
  return { ...base, table: { productId, variant, yaw, pitch, zoom }, engravings };
}

/** A fixed, seated view across the table towards the window: the piece is what both look at. */
function SalonCamera() {
  useFrame(({ camera }) => {
    camera.position.set(0, 1.62, 2.35);
    camera.lookAt(0, TABLE_TOP + 0.22, 0);
  }, CAMERA_PRIORITY);
  return null;
}

/**
 * The salon in 3D: the room, the table and the piece on it as the room's state says, and the
 * people inside as avatars with their names. Publishes `window.__salonRoom` for end-to-end tests.
 */
export function SalonCanvas({
  product,
  colors,
  marks,
  onDrawn,
}: {
  product: Product | null;
  colors: { primary?: string; secondary?: string; accent?: string } | null;
  marks: readonly EngravingMark[];
  onDrawn(drawn: string[]): void;
}) {
  const { t } = useTranslation();
  const table = useSalonStore((s) => s.table);
  const tagLayer = useRef<HTMLDivElement>(null);
  const [software] = useState(isSoftwareRenderer);
  const shadows = !software;
  return (
    <section
      className="salon-canvas"
      data-testid="salon-canvas"
      aria-label={t("clienteling.salon.sceneLabel")}
    >
      <Canvas
        dpr={software ? 1 : [1, 1.75]}
        shadows={shadows ? { type: PCFSoftShadowMap } : false}
        gl={{ antialias: !software, toneMapping: ACESFilmicToneMapping, preserveDrawingBuffer: true }}
        camera={{ fov: 42, near: 0.05, far: 40, position: [0, 1.62, 2.35] }}
      >
        <SceneTestHook global="__salonRoom" describe={describeSalon} continuous={!software} />
        <SalonRoomDecor shadows={shadows} />
        {product && table.productId === product.id ? (
          <TablePiece product={product} table={table} colors={colors} marks={marks} onDrawn={onDrawn} />
        ) : null}
        <AvatarCrowd />
        <WalkSurface layout={SALON_LAYOUT} />
        <SalonCamera />
        <NameTags layer={tagLayer} />
        <KeyboardInput />
      </Canvas>
      <div ref={tagLayer} className="salon-tags" />
    </section>
  );
}
