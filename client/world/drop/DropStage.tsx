import { Canvas } from "@react-three/fiber";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACESFilmicToneMapping } from "three";
import { useDropStore } from "../../stores/dropStore.ts";
import { useDropCatalog } from "../../ui/drops/useDropCatalog.ts";
import { isSoftwareRenderer } from "../../ui/softwareRenderer.ts";
import { ClaimPlaque } from "./ClaimPlaque.tsx";
import { DropScene } from "./DropScene.tsx";
import { DropTestHook } from "./DropTestHook.tsx";
import { LowPowerGuard } from "./LowPowerGuard.tsx";

/**
 * The 3D half of the drop page: the piece on its pedestal and the claim plaque in front of it. It
 * renders continuously (the piece turns) unless the machine is too slow, then only on change; its
 * drawing buffer is kept so the page can be captured without a fresh frame.
 */
export function DropStage({ dropId, onSignIn }: { dropId: string; onSignIn: () => void }) {
  const { t } = useTranslation();
  const drop = useDropStore((s) => s.drop);
  const { product } = useDropCatalog(drop?.brandId, drop?.productId);
  const [frameloop, setFrameloop] = useState<"always" | "demand">("always");
  const [software] = useState(isSoftwareRenderer);
  return (
    <section className="drop-stage" aria-label={t("drops.stage.label")}>
      <Canvas
        frameloop={frameloop}
        dpr={[1, 1.5]}
        gl={{ antialias: !software, toneMapping: ACESFilmicToneMapping, preserveDrawingBuffer: true }}
        camera={{ fov: 30, near: 0.05, far: 30, position: [0, 1.4, 4.4] }}
        onCreated={({ camera }) => camera.lookAt(0, 0.82, 0)}
      >
        <DropTestHook />
        <LowPowerGuard onLowPower={() => setFrameloop("demand")} />
        <DropScene product={product} />
        <ClaimPlaque dropId={dropId} onSignIn={onSignIn} />
      </Canvas>
    </section>
  );
}
