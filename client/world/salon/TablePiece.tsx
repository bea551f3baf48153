import { Suspense } from "react";
import type { Product } from "../../../shared/catalog.ts";
import type { SalonTable } from "../../ui/salon/salonStore.ts";
import { FitToView } from "../../ui/viewer/FitToView.tsx";
import { ViewerGltf } from "../../ui/viewer/ViewerGltf.tsx";
import { type EngravingMark, PersonalisedProduct } from "../products/PersonalisedProduct.tsx";
import { TABLE_TOP } from "./SalonRoomDecor.tsx";

/** Pieces are shown larger than life on the table, as a loupe would: both sides see the detail. */
const MAGNIFY = 2.2;

/**
 * The piece on the salon's table, as the room's state says: the product, its variant (a glTF
 * material variant, or the chosen strap or stone's colours), turned and zoomed by whoever last
 * moved it, its engravings drawn on the declared surfaces. Both viewers render this same state.
 */
export function TablePiece({
  product,
  table,
  colors,
  marks,
  onDrawn,
}: {
  product: Product;
  table: SalonTable;
  /** The variant's colours for a procedural piece (null: its own). */
  colors: { primary?: string; secondary?: string; accent?: string } | null;
  marks: readonly EngravingMark[];
  onDrawn(drawn: string[]): void;
}) {
  const model = product.model;
  const height = model.displayHeight * MAGNIFY * table.zoom;
  return (
    <group position={[0, TABLE_TOP + height / 2, 0]} rotation={[table.pitch, table.yaw, 0, "YXZ"]}>
      <group scale={height} position={[0, -height / 2, 0]}>
        <Suspense fallback={null}>
          {model.kind === "procedural" ? (
            <PersonalisedProduct
              shape={model.shape}
              colors={{ ...model.colors, ...(colors ?? {}) }}
              marks={marks}
              onDrawn={onDrawn}
            />
          ) : (
            <FitToView fitKey={`${model.url}`}>
              <ViewerGltf
                url={model.url}
                expectedBytes={model.bytes}
                variant={variantIndex(model.variants ?? [], table.variant)}
                onInfo={() => onDrawn([])}
              />
            </FitToView>
          )}
        </Suspense>
      </group>
    </group>
  );
}

function variantIndex(variants: ReadonlyArray<{ name: string }>, name: string): number | null {
  const i = variants.findIndex((v) => v.name === name);
  return i < 0 ? null : i;
}
