import i18next from "i18next";
import { useEffect, useMemo } from "react";
import type { BoutiqueLayout } from "../../../shared/avenue/layout.ts";
import type { Brand } from "../../../shared/catalog.ts";
import { localize } from "../../../shared/money.ts";
import { worldStats } from "../worldStats.ts";
import { BoutiqueFacade } from "./BoutiqueFacade.tsx";
import { BrandSign } from "./BrandSign.tsx";
import { WINDOW_CENTRE_U } from "./boutiqueFrame.ts";
import { Entrance } from "./Entrance.tsx";
import { facadeMaterials } from "./facades/facadeMaterials.ts";
import { FACADE_SPECS } from "./facades/facadeSpecs.ts";
import { ShopWindow } from "./ShopWindow.tsx";

/**
 * One boutique in its local frame (see boutiqueFrame.ts): the style's facade, two lit windows, the
 * entrance, the name sign, and — when `lit` — one warm point light spilling onto the pavement.
 */
export function Boutique({ slot, brand, lit }: { slot: BoutiqueLayout; brand: Brand; lit: boolean }) {
  const spec = FACADE_SPECS[brand.facade.style];
  const { wall, trim, light } = brand.facade;
  const materials = useMemo(() => facadeMaterials(brand), [brand]);
  useEffect(
    () => () => {
      for (const m of Object.values(materials)) m.dispose();
    },
    [materials],
  );
  useEffect(() => {
    worldStats.boutiques++;
    return () => {
      worldStats.boutiques--;
    };
  }, []);
  const tagline = localize(brand.tagline, i18next.resolvedLanguage ?? "en");
  const sign = useMemo(
    () => ({ name: brand.name, tagline, color: trim, glow: light }),
    [brand.name, tagline, trim, light],
  );

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
      <BrandSign sign={sign} width={spec.sign.width} position={[0, spec.sign.y, spec.sign.z]} />
      {lit && <pointLight color={light} intensity={22} distance={14} decay={1.6} position={[0, 3.2, 2.6]} />}
    </group>
  );
}
