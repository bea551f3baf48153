import { ContactShadows, Environment } from "@react-three/drei";
import { Canvas } from "@react-three/fiber";
import { Suspense, useMemo, useRef, useState } from "react";
import { ACESFilmicToneMapping, PCFSoftShadowMap } from "three";
import type { Product } from "../../../shared/catalog.ts";
import { AUDIENCE_FLOOR } from "../../../shared/events/audienceRoom.ts";
import type { StageState } from "../../../shared/events/stage.ts";
import { isSoftwareRenderer } from "../../ui/softwareRenderer.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { AvatarCrowd } from "../avatars/AvatarCrowd.tsx";
import { NameTags } from "../avatars/NameTags.tsx";
import { KeyboardInput } from "../controls/KeyboardInput.tsx";
import { PointerOrbit } from "../controls/PointerOrbit.tsx";
import { WalkSurface } from "../ground/WalkSurface.tsx";
import { EventCamera } from "./EventCamera.tsx";
import { EventStageTestHook } from "./EventStageTestHook.tsx";
import { PinnedPlinths } from "./PinnedPlinths.tsx";
import { type ScreenCard, StageScreen } from "./StageScreen.tsx";
import { StageSet } from "./StageSet.tsx";
import { StageTurntable } from "./StageTurntable.tsx";
import { STAGE, TURNTABLE } from "./stageGeometry.ts";

const DUSK = "#0e0f1a";

/**
 * The event's audience shard in 3D: the hall at dusk with the stage, the presenter's video (or the
 * show's title card) on the screen, the product on stage turning on its turntable at the stage's
 * pose, the pinned pieces on their plinths, and everyone of this shard as avatars with name tags,
 * walking the floor in front of the stage. Cheap on software rasterizers (no shadows, no MSAA).
 */
export function EventStageCanvas({
  stage,
  offsetMs,
  products,
  stream,
  card,
  label,
  muted = false,
}: {
  stage: StageState;
  offsetMs: number;
  products: ReadonlyMap<string, Product>;
  stream: MediaStream | null;
  card: ScreenCard;
  label: string;
  /** The screen plays without sound (on the presenter's own page). */
  muted?: boolean;
}) {
  const tagLayer = useRef<HTMLDivElement>(null);
  const [software] = useState(isSoftwareRenderer);
  const shadows = !software;
  const onStage = stage.onStage;
  const onStageProduct = onStage ? (products.get(onStage.productId) ?? null) : null;
  const pinnedIds = stage.pinned.join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the pins' ids, not the array's identity
  const pinned = useMemo(
    () => stage.pinned.flatMap((id) => (products.get(id) ? [products.get(id) as Product] : [])),
    [pinnedIds, products],
  );
  return (
    <section className="event-stage" data-testid="event-stage" aria-label={label}>
      <Canvas
        dpr={software ? 1 : [1, 1.75]}
        shadows={shadows ? { type: PCFSoftShadowMap } : false}
        gl={{ antialias: !software, toneMapping: ACESFilmicToneMapping, preserveDrawingBuffer: true }}
        camera={{ fov: 44, near: 0.1, far: 80, position: [0, 4, AUDIENCE_FLOOR.spawn.z + 5] }}
      >
        <EventStageTestHook software={software} />
        <color attach="background" args={[DUSK]} />
        <fog attach="fog" args={[DUSK, 14, 34]} />
        <Suspense fallback={null}>
          <Environment files={ENVIRONMENT_FILE} environmentIntensity={0.3} />
        </Suspense>
        <hemisphereLight args={["#8e94c8", "#1c1512", 0.45]} />
        <directionalLight color="#ffd2a0" position={[-6, 8, 6]} intensity={0.9} castShadow={shadows} />
        <spotLight
          color="#ffe2b8"
          position={[0, 6, TURNTABLE.z + 3]}
          angle={0.32}
          penumbra={0.7}
          intensity={60}
          decay={2}
          target-position={[TURNTABLE.x, STAGE.deck + TURNTABLE.height, TURNTABLE.z]}
        />
        <StageSet shadows={shadows} />
        <StageScreen stream={stream} card={card} muted={muted} />
        <StageTurntable onStage={onStage} product={onStageProduct} offsetMs={offsetMs} />
        <PinnedPlinths pinned={pinned} />
        {shadows ? (
          <ContactShadows position={[0, 0.003, 3]} opacity={0.6} scale={24} blur={2.5} far={2} frames={1} />
        ) : null}
        <AvatarCrowd />
        <WalkSurface layout={AUDIENCE_FLOOR} />
        <EventCamera />
        <NameTags layer={tagLayer} />
        <KeyboardInput />
        <PointerOrbit />
      </Canvas>
      <div ref={tagLayer} className="event-stage__tags" />
    </section>
  );
}
