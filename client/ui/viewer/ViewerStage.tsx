import { ContactShadows, Environment, OrbitControls } from "@react-three/drei";
import { Canvas } from "@react-three/fiber";
import { Suspense } from "react";
import { ACESFilmicToneMapping } from "three";
import type { ProductModel } from "../../../shared/catalog.ts";
import { ENVIRONMENT_FILE } from "../../world/atmosphere/Lighting.tsx";
import { ProceduralProduct } from "../../world/products/ProceduralProduct.tsx";
import { FitToView } from "./FitToView.tsx";
import { ProceduralReady } from "./ProceduralReady.tsx";
import { ViewerGltf } from "./ViewerGltf.tsx";
import type { ViewerInfo } from "./viewerInfo.ts";

/** Zoom limits, in units of the model's largest dimension (which FitToView makes 1). */
const MIN_DISTANCE = 0.9;
const MAX_DISTANCE = 4;

/**
 * The viewer's own small 3D stage: renders only when something changes (orbit, zoom, a variant),
 * lit by the studio HDR, the model standing on a soft contact shadow.
 */
export function ViewerStage({
  model,
  variant,
  status,
  onInfo,
}: {
  model: ProductModel;
  variant: number | null;
  /** Measured again (fit, shadow) when the model replaces its placeholder. */
  status: ViewerInfo["status"];
  onInfo: (info: ViewerInfo) => void;
}) {
  const source = model.kind === "gltf" ? model.url : `${model.shape}:${model.colors.primary}`;
  const fitKey = `${source}:${status}`;
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 1.5]}
      gl={{ antialias: true, alpha: true, toneMapping: ACESFilmicToneMapping }}
      camera={{ fov: 30, near: 0.05, far: 50, position: [1.5, 0.95, 2.1] }}
      data-testid="viewer-canvas"
    >
      <Suspense fallback={null}>
        <Environment files={ENVIRONMENT_FILE} environmentIntensity={1.1} />
        <FitToView fitKey={fitKey}>
          {model.kind === "gltf" ? (
            <ViewerGltf url={model.url} expectedBytes={model.bytes} variant={variant} onInfo={onInfo} />
          ) : (
            <ProceduralReady onInfo={onInfo}>
              <ProceduralProduct shape={model.shape} colors={model.colors} />
            </ProceduralReady>
          )}
        </FitToView>
      </Suspense>
      <ContactShadows key={`${fitKey}:${variant}`} opacity={0.55} scale={2.4} blur={2.6} far={1} frames={1} />
      <OrbitControls
        makeDefault
        enablePan={false}
        enableDamping={false}
        minDistance={MIN_DISTANCE}
        maxDistance={MAX_DISTANCE}
        minPolarAngle={0.15}
        maxPolarAngle={Math.PI / 2 - 0.05}
      />
    </Canvas>
  );
}
