import { Canvas } from "@react-three/fiber";
import { Suspense, useCallback, useRef, useState } from "react";
import { ACESFilmicToneMapping } from "three";
import { useWorldStore } from "../stores/worldStore.ts";
import { isSoftwareRenderer } from "../ui/softwareRenderer.ts";
import { AvenueTestHook } from "./AvenueTestHook.tsx";
import { Lighting } from "./atmosphere/Lighting.tsx";
import { SkyDome } from "./atmosphere/SkyDome.tsx";
import { AvatarCrowd } from "./avatars/AvatarCrowd.tsx";
import { NameTags } from "./avatars/NameTags.tsx";
import { Batched } from "./batching/Batched.tsx";
import { Boutiques } from "./boutiques/Boutiques.tsx";
import { CityShell } from "./city/CityShell.tsx";
import { Landmark } from "./city/Landmark.tsx";
import { CameraRig } from "./controls/CameraRig.tsx";
import { KeyboardInput } from "./controls/KeyboardInput.tsx";
import { PointerOrbit } from "./controls/PointerOrbit.tsx";
import { EventBeacons } from "./event/EventBeacons.tsx";
import { ClickMarker } from "./ground/ClickMarker.tsx";
import { groundHeightAt, rowHalfLength } from "./ground/groundHeight.ts";
import { PlazaMedallions } from "./ground/PlazaMedallions.tsx";
import { Street } from "./ground/Street.tsx";
import { WalkSurface } from "./ground/WalkSurface.tsx";
import { HostScene } from "./host/HostScene.tsx";
import { ModelLoadingDriver } from "./products/ModelLoadingDriver.tsx";
import { Products } from "./products/Products.tsx";
import { LampPosts } from "./props/LampPosts.tsx";
import { Planters } from "./props/Planters.tsx";
import { AdaptiveQuality } from "./quality/AdaptiveQuality.tsx";
import { useRenderQuality } from "./quality/renderQuality.ts";

/**
 * The whole 3D avenue: atmosphere, paving, city, boutiques and their products, avatars with name
 * tags, the follow camera and input. Renders nothing until the catalog and layout are known.
 */
export function AvenueCanvas() {
  const catalog = useWorldStore((s) => s.catalog);
  const layout = useWorldStore((s) => s.layout);
  // While the product viewer covers the street, the avenue draws only when something changes:
  // two canvases rendering every frame would halve the viewer's frame rate on weak machines.
  const inspecting = useWorldStore((s) => s.selectedProductId !== null);
  const tagLayer = useRef<HTMLDivElement>(null);
  const hostLayer = useRef<HTMLDivElement>(null);
  const [software] = useState(isSoftwareRenderer);
  const fullDpr = software ? 1 : 1.75;
  const qualityDpr = useRenderQuality((s) => s.dpr);
  const rowHalf = layout ? rowHalfLength(layout) : 0;
  // Feet on the paving: the sidewalks and plazas stand a kerb above the carriageway.
  const groundHeight = useCallback((x: number, z: number) => groundHeightAt(rowHalf, x, z), [rowHalf]);
  if (!catalog || !layout) return null;
  return (
    <div style={{ position: "absolute", inset: 0, overflow: "hidden", background: "#0a0d2a" }}>
      <Canvas
        frameloop={inspecting ? "demand" : "always"}
        dpr={[1, Math.min(fullDpr, qualityDpr)]}
        gl={{ antialias: !software, powerPreference: "high-performance", toneMapping: ACESFilmicToneMapping }}
        camera={{ fov: 52, near: 0.1, far: 420, position: [layout.spawn.x, 3.5, layout.spawn.z + 7] }}
      >
        {/* Pixel ratio, shadow maps and LOD distance follow the frame time (quality/). */}
        <AdaptiveQuality weak={software} />
        <AvenueTestHook />
        <SkyDome />
        <Suspense fallback={null}>
          <Lighting />
        </Suspense>
        {/* Static decor: one draw per material kind for the whole avenue (batching/Batched.tsx). */}
        <Batched>
          <Street layout={layout} />
          <PlazaMedallions layout={layout} />
          <CityShell layout={layout} />
          <Landmark layout={layout} />
          <Boutiques layout={layout} catalog={catalog} />
          <LampPosts layout={layout} />
          <Planters layout={layout} />
        </Batched>
        {/* Turntables move: their world matrices are copied into the batches every frame. */}
        <Batched dynamic>
          <Products layout={layout} catalog={catalog} />
        </Batched>
        <EventBeacons layout={layout} />
        <ModelLoadingDriver layout={layout} catalog={catalog} />
        <AvatarCrowd groundHeight={groundHeight} />
        <WalkSurface layout={layout} />
        <ClickMarker layout={layout} />
        <CameraRig layout={layout} />
        <NameTags layer={tagLayer} />
        <HostScene layout={layout} layer={hostLayer} />
        <KeyboardInput />
        <PointerOrbit />
      </Canvas>
      <div ref={tagLayer} className="vitrine-tags" />
      <div ref={hostLayer} className="host-layer" />
    </div>
  );
}
