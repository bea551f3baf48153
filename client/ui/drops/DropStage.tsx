import { Canvas } from "@react-three/fiber";
import { useTranslation } from "react-i18next";
import { ACESFilmicToneMapping } from "three";
import { useDropStore } from "../../stores/dropStore.ts";
import { ClaimPlaque } from "./scene/ClaimPlaque.tsx";
import { DropScene } from "./scene/DropScene.tsx";
import { DropTestHook } from "./scene/DropTestHook.tsx";
import { useDropCatalog } from "./useDropCatalog.ts";

/** The 3D half of the drop page: the piece on its pedestal and the claim plaque in front of it. */
export function DropStage({ dropId, onSignIn }: { dropId: string; onSignIn: () => void }) {
  const { t } = useTranslation();
  const drop = useDropStore((s) => s.drop);
  const { product } = useDropCatalog(drop?.brandId, drop?.productId);
  return (
    <section className="drop-stage" aria-label={t("drops.stage.label")}>
      <Canvas
        dpr={[1, 1.5]}
        gl={{ antialias: true, toneMapping: ACESFilmicToneMapping }}
        camera={{ fov: 30, near: 0.05, far: 30, position: [0, 1.5, 3.3] }}
        onCreated={({ camera }) => camera.lookAt(0, 0.92, 0)}
      >
        <DropTestHook />
        <DropScene product={product} />
        <ClaimPlaque dropId={dropId} onSignIn={onSignIn} />
      </Canvas>
    </section>
  );
}
