import { Detailed, useEnvironment } from "@react-three/drei";
import { useMemo } from "react";
import { Box3, Group, Mesh, MeshStandardMaterial, type Texture, Vector3 } from "three";
import { clone } from "three/examples/jsm/utils/SkeletonUtils.js";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { BATCH_LEVELS } from "../batching/batchKey.ts";
import { useRenderQuality } from "../quality/renderQuality.ts";
import { modelScene } from "./modelLoader.ts";
import { ProductPlaceholder } from "./ProductPlaceholder.tsx";
import { useModelStatus } from "./useModel.ts";
import { windowGlass } from "./windowGlass.ts";

const box = new Box3();
const size = new Vector3();
const centre = new Vector3();

/** A copy of a loaded model, 1 unit tall, standing on y = 0, lit by the products' environment. */
function normalizedCopy(url: string, env: Texture): Group | null {
  // The source may be shown by the viewer too: materials are replaced here, never changed in place.
  const source = modelScene(url);
  if (!source) return null;
  const copy = clone(source);
  copy.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    o.raycast = () => {}; // the display's proxy takes the clicks; never raycast dense meshes
    o.material = Array.isArray(o.material) ? o.material.map(windowGlass) : windowGlass(o.material);
    const materials = Array.isArray(o.material) ? o.material : [o.material];
    for (const m of materials) {
      if (m instanceof MeshStandardMaterial && !m.envMap) {
        m.envMap = env;
        m.envMapIntensity = 1.5;
      }
    }
  });
  box.setFromObject(copy, true);
  box.getSize(size);
  box.getCenter(centre);
  const s = size.y > 1e-6 ? 1 / size.y : 1;
  copy.position.set(-centre.x, -box.min.y, -centre.z);
  const outer = new Group();
  outer.scale.setScalar(s);
  outer.add(copy);
  return outer;
}

/**
 * A loaded glTF model, 1 unit tall with its bounding box standing on y = 0 (the display scales it
 * to displayHeight). With a lighter level of detail (uploaded models have one), far displays show
 * that instead; until it has loaded, the full model stands in. Shows the placeholder while the
 * model loads or after a failure.
 */
export function GltfProduct({ url, lodUrl }: { url: string; lodUrl?: string }) {
  const status = useModelStatus(url);
  const lodStatus = useModelStatus(lodUrl ?? url);
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const object = useMemo(() => (status === "ready" ? normalizedCopy(url, env) : null), [status, url, env]);
  const lod = useMemo(
    () => (lodUrl && lodStatus === "ready" ? normalizedCopy(lodUrl, env) : null),
    [lodStatus, lodUrl, env],
  );
  // Beyond this distance (metres, camera to product) the display shows the lighter model; the
  // avenue's adaptive quality (quality/AdaptiveQuality.tsx) brings it nearer on a weak machine.
  const lodDistance = useRenderQuality((s) => s.lodDistance);
  const distances = useMemo(() => [0, lodDistance], [lodDistance]);
  if (!object) return <ProductPlaceholder pending={status === "loading"} />;
  if (!lod) return <primitive object={object} />;
  // The levels switch visibility by distance: both are batched, each instance drawn while its level
  // is shown (batching/Batched.tsx), so a model shown in several windows costs one draw per material.
  return (
    <Detailed distances={distances} userData={{ [BATCH_LEVELS]: true }}>
      <primitive object={object} />
      <primitive object={lod} />
    </Detailed>
  );
}
