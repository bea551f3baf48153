import { useEnvironment } from "@react-three/drei";
import { useMemo } from "react";
import { Box3, Group, Mesh, MeshStandardMaterial, Vector3 } from "three";
import { clone } from "three/examples/jsm/utils/SkeletonUtils.js";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { modelScene } from "./modelLoader.ts";
import { ProductPlaceholder } from "./ProductPlaceholder.tsx";
import { useModelStatus } from "./useModel.ts";

const box = new Box3();
const size = new Vector3();
const centre = new Vector3();

/**
 * A loaded glTF model, 1 unit tall with its bounding box standing on y = 0 (the display scales it
 * to displayHeight). Shows the placeholder while loading or after a failure.
 */
export function GltfProduct({ url }: { url: string }) {
  const status = useModelStatus(url);
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const object = useMemo(() => {
    const source = status === "ready" ? modelScene(url) : null;
    if (!source) return null;
    const copy = clone(source);
    copy.traverse((o) => {
      if (!(o instanceof Mesh)) return;
      o.raycast = () => {}; // the display's proxy takes the clicks; never raycast dense meshes
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
  }, [status, url, env]);
  if (!object) return <ProductPlaceholder pending={status === "loading"} />;
  return <primitive object={object} />;
}
