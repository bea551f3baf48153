import type { Brand } from "../../../shared/catalog.ts";
import { ArcadeFacade } from "./facades/ArcadeFacade.tsx";
import { ClassicFacade } from "./facades/ClassicFacade.tsx";
import type { FacadeMaterials } from "./facades/facadeMaterials.ts";
import { GlassFacade } from "./facades/GlassFacade.tsx";
import { ModernFacade } from "./facades/ModernFacade.tsx";

/** Picks the facade component for the brand's style. */
export function BoutiqueFacade({
  brand,
  width,
  height,
  materials,
}: {
  brand: Brand;
  width: number;
  height: number;
  materials: FacadeMaterials;
}) {
  const light = brand.facade.light;
  switch (brand.facade.style) {
    case "classic":
      return <ClassicFacade width={width} height={height} materials={materials} />;
    case "modern":
      return <ModernFacade width={width} height={height} materials={materials} light={light} />;
    case "glass":
      return <GlassFacade width={width} height={height} materials={materials} light={light} />;
    case "arcade":
      return <ArcadeFacade width={width} height={height} materials={materials} />;
  }
}
