import { z } from "zod";
import type { Catalog } from "../../../shared/catalog.ts";

/** The query parameter that names a piece: `/?piece=<productId>` opens the avenue at it. */
export const PIECE_PARAM = "piece";

/** Product ids are slugs (as in shared/catalog.ts); anything else in the address is ignored. */
const PieceId = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The piece a shared address names, with its boutique, or null (none, malformed, or not on the avenue). */
export function linkedPiece(search: string, catalog: Catalog): { productId: string; brandId: string } | null {
  const parsed = PieceId.safeParse(new URLSearchParams(search).get(PIECE_PARAM));
  if (!parsed.success) return null;
  const brand = catalog.brands.find((b) => b.products.some((p) => p.id === parsed.data));
  return brand ? { productId: parsed.data, brandId: brand.id } : null;
}

/** The address to share for a piece: the avenue at its boutique, its viewer open. */
export function pieceLink(origin: string, productId: string): string {
  const url = new URL("/", origin);
  url.searchParams.set(PIECE_PARAM, productId);
  return url.toString();
}
