import { useEnvironment } from "@react-three/drei";
import { useEffect, useMemo, useState } from "react";
import { Mesh, MeshPhysicalMaterial } from "three";
import type { ProceduralShape } from "../../../shared/catalog.ts";
import type { PersonalisationChoice, PersonalisationOption } from "../../../shared/personalisation.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { fontsReady } from "../fonts.ts";
import { engravingTexture } from "./engravingTexture.ts";
import { buildProcedural } from "./shapes/buildProcedural.ts";
import { engravingSurface } from "./shapes/engravingSurfaces.ts";
import { productMaterials } from "./shapes/productMaterials.ts";
import type { ShapeColors } from "./shapes/shapeTypes.ts";
import { disposeDeep, normalised } from "./shapes/shapeUtils.ts";

/** Engraved letters read as gold leaf on leather, as a polished cut on metal. */
const INK = "#f1d38a";

/** One engraving to draw: its text, font and declared surface. */
export type EngravingMark = {
  optionId: string;
  surface: string;
  text: string;
  font: "cormorant-garamond" | "inter";
};

/** The engravings of a validated choice, with the surfaces its options declare. */
export function engravingMarks(
  options: readonly PersonalisationOption[],
  choice: PersonalisationChoice | null,
): EngravingMark[] {
  if (!choice) return [];
  const marks: EngravingMark[] = [];
  for (const option of options) {
    const value = choice[option.id];
    if (!value || option.kind === "choice") continue;
    if ("text" in value)
      marks.push({ optionId: option.id, surface: option.surface, text: value.text, font: value.font });
    if ("letters" in value)
      marks.push({ optionId: option.id, surface: option.surface, text: value.letters, font: value.font });
  }
  return marks;
}

/**
 * A procedural piece with its chosen colours and its engravings drawn live on the declared
 * surfaces (engravingSurfaces.ts), 1 unit tall like ProceduralProduct. Reports which marks it
 * could draw, for the page to say when a surface cannot be previewed.
 */
export function PersonalisedProduct({
  shape,
  colors,
  marks,
  onDrawn,
}: {
  shape: ProceduralShape;
  colors: ShapeColors;
  marks: readonly EngravingMark[];
  onDrawn?(drawn: string[]): void;
}) {
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const { primary, secondary, accent } = colors;
  const object = useMemo(
    () => normalised(buildProcedural(shape, { primary, secondary, accent }, productMaterials(env))),
    [shape, primary, secondary, accent, env],
  );
  useEffect(() => () => disposeDeep(object), [object]);

  // The canvas draws in the declared face only once it is loaded.
  const [fonts, setFonts] = useState(false);
  useEffect(() => {
    let live = true;
    void fontsReady().then(() => live && setFonts(true));
    return () => {
      live = false;
    };
  }, []);

  const marksKey = JSON.stringify(marks);
  // biome-ignore lint/correctness/useExhaustiveDependencies: marksKey stands for the marks' content
  useEffect(() => {
    if (!fonts) return;
    // normalised() wraps the built shape twice: wrapper > scale > content.
    const content = object.children[0]?.children[0];
    if (!content) return;
    const added: Mesh[] = [];
    const drawn: string[] = [];
    for (const mark of marks) {
      const surface = engravingSurface(shape, mark.surface);
      if (!surface) continue;
      const map = engravingTexture(mark.text, mark.font, surface.canvas, INK);
      const material = new MeshPhysicalMaterial({
        map,
        transparent: true,
        metalness: 0.9,
        roughness: 0.28,
        envMap: env,
        envMapIntensity: 1.8,
        polygonOffset: true,
        polygonOffsetFactor: -2,
        depthWrite: false,
      });
      const mesh = new Mesh(surface.geometry(), material);
      mesh.name = `engraving:${mark.optionId}`;
      mesh.userData = { engraving: mark.text, font: mark.font };
      content.add(mesh);
      added.push(mesh);
      drawn.push(mark.optionId);
    }
    onDrawn?.(drawn);
    return () => {
      for (const mesh of added) {
        content.remove(mesh);
        mesh.geometry.dispose();
        const m = mesh.material as MeshPhysicalMaterial;
        m.map?.dispose();
        m.dispose();
      }
    };
  }, [object, marksKey, fonts, shape, env]);

  return <primitive object={object} />;
}
