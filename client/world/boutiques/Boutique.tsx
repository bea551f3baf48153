import i18next from "i18next";
import { useEffect, useMemo } from "react";
import type { BoutiqueLayout } from "../../../shared/avenue/layout.ts";
import type { Brand } from "../../../shared/catalog.ts";
import { worldStats } from "../worldStats.ts";
import { BoutiqueFacade } from "./BoutiqueFacade.tsx";
import { BrandSign } from "./BrandSign.tsx";
import { WINDOW_CENTRE_U } from "./boutiqueFrame.ts";
import { Entrance } from "./Entrance.tsx";
import { facadeMaterials } from "./facades/facadeMaterials.ts";
import { FACADE_SPECS } from "./facades/facadeSpecs.ts";
import { ShopWindow } from "./ShopWindow.tsx";
import { type SignSlot, signOf } from "./signAtlas.ts";
import { useSignAtlases } from "./useSignAtlases.ts";

/**
 * One boutique in its local frame (see boutiqueFrame.ts): the style's facade, two lit windows, the
 * entrance, the name sign, and — when `lit` — one warm point light spilling onto the pavement.
 */
export function Boutique({
  slot,
  brand,
  lit,
  sign,
}: {
  slot: BoutiqueLayout;
  brand: Brand;
  lit: boolean;
  /** Its row of the avenue's sign atlas (Boutiques.tsx); a boutique shown alone paints its own. */
  sign?: SignSlot;
}) {
  const spec = FACADE_SPECS[brand.facade.style];
  const { wall, light } = brand.facade;
  const materials = useMemo(() => facadeMaterials(brand), [brand]);
  useEffect(
    () => () => {
      for (const m of Object.values(materials)) m.dispose();
    },
    [materials],
  );
  const own = useSignAtlases(sign ? [] : [signOf(brand, i18next.resolvedLanguage ?? "en")]);
  const signSlot = sign ?? (own.slots[0] as SignSlot);
  useEffect(() => {
    worldStats.boutiques++;
    return () => {
      worldStats.boutiques--;
    };
  }, []);

  return (
    <group
      position={[slot.facade.x, 0, slot.facade.z]}
      rotation={[0, slot.rotationY, 0]}
      userData={{ brandId: brand.id }}
    >
      <BoutiqueFacade brand={brand} width={slot.width} height={slot.height} materials={materials} />
      <ShopWindow u={-WINDOW_CENTRE_U} top={spec.windowTop} wall={wall} light={light} />
      <ShopWindow u={WINDOW_CENTRE_U} top={spec.windowTop} wall={wall} light={light} />
      <Entrance top={spec.doorTop} wall={wall} light={light} />
      <BrandSign slot={signSlot} width={spec.sign.width} position={[0, spec.sign.y, spec.sign.z]} />
      {lit && <pointLight color={light} intensity={22} distance={14} decay={1.6} position={[0, 3.2, 2.6]} />}
    </group>
  );
}
