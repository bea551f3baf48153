import { Canvas } from "@react-three/fiber";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ACESFilmicToneMapping, PCFSoftShadowMap } from "three";
import { layoutVitrine } from "../../../shared/vitrineRoom.ts";
import { isSoftwareRenderer } from "../../ui/softwareRenderer.ts";
import { localizedName } from "../../ui/vitrine/localizedName.ts";
import { useVitrineStore } from "../../ui/vitrine/vitrineStore.ts";
import { AvatarCrowd } from "../avatars/AvatarCrowd.tsx";
import { NameTags } from "../avatars/NameTags.tsx";
import { KeyboardInput } from "../controls/KeyboardInput.tsx";
import { PointerOrbit } from "../controls/PointerOrbit.tsx";
import { WalkSurface } from "../ground/WalkSurface.tsx";
import { FrameBudget } from "./FrameBudget.tsx";
import { GalleryRoom } from "./GalleryRoom.tsx";
import { VitrineCamera } from "./VitrineCamera.tsx";
import { VitrineModelsDriver } from "./VitrineModelsDriver.tsx";
import { VitrinePedestal } from "./VitrinePedestal.tsx";
import { VitrineTestHook } from "./VitrineTestHook.tsx";
import { WallTitle } from "./WallTitle.tsx";

/** Spot lights (each with a soft shadow map on hardware): the first pedestals get their own. */
const MAX_SPOTS = 6;
/** On a software rasterizer: fewer lights, no shadow maps, no MSAA, one device pixel. */
const MAX_SPOTS_SOFTWARE = 3;

/**
 * The vitrine in 3D: the gallery, the owner's pieces on their pedestals with plaques, and everyone
 * inside as avatars with name tags. Kept cheap on software rasterizers (see softwareRenderer.ts).
 */
export function VitrineCanvas() {
  const { t, i18n } = useTranslation();
  const pedestals = useVitrineStore((s) => s.pedestals);
  const ownerName = useVitrineStore((s) => s.ownerName);
  const layout = useMemo(() => layoutVitrine(pedestals.length), [pedestals.length]);
  const tagLayer = useRef<HTMLDivElement>(null);
  const [software] = useState(isSoftwareRenderer);
  const shadows = !software;
  const spots = software ? MAX_SPOTS_SOFTWARE : MAX_SPOTS;
  return (
    <section
      className="vitrine-canvas"
      data-testid="vitrine-canvas"
      aria-label={t("collectibles.vitrine.sceneLabel")}
    >
      <Canvas
        dpr={software ? 1 : [1, 1.75]}
        shadows={shadows ? { type: PCFSoftShadowMap } : false}
        gl={{ antialias: !software, toneMapping: ACESFilmicToneMapping, preserveDrawingBuffer: true }}
        camera={{ fov: 48, near: 0.1, far: 60, position: [0, 3, layout.room.frontZ + 3] }}
      >
        <VitrineTestHook software={software} />
        <FrameBudget software={software} />
        <GalleryRoom layout={layout} shadows={shadows} />
        <WallTitle title={ownerName} eyebrow={t("collectibles.vitrine.wallEyebrow")} z={layout.room.backZ} />
        <VitrineModelsDriver pedestals={pedestals} />
        {pedestals.map((p, i) => {
          const slot = layout.pedestals[i];
          if (!slot) return null;
          return (
            <VitrinePedestal
              key={p.copyId}
              copyId={p.copyId}
              slot={slot}
              index={i}
              modelUrl={p.modelUrl}
              displayHeight={p.displayHeight}
              spot={i < spots}
              shadows={shadows}
              words={{
                name: localizedName(p.name, i18n.language),
                brand: p.brandName,
                edition: t("collectibles.edition", { edition: p.edition, size: p.editionSize }),
              }}
            />
          );
        })}
        <AvatarCrowd />
        <WalkSurface layout={layout} />
        <VitrineCamera layout={layout} />
        <NameTags layer={tagLayer} />
        <KeyboardInput />
        <PointerOrbit />
      </Canvas>
      <div ref={tagLayer} className="vitrine-tags" />
    </section>
  );
}
