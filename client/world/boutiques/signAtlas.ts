import { type CanvasTexture, MeshStandardMaterial } from "three";
import type { Brand } from "../../../shared/catalog.ts";
import { localize } from "../../../shared/money.ts";
import { createSignAtlas, SIGN_ATLAS_ROWS, type SignContent } from "./signTexture.ts";

/** What a brand's sign says, in `language`, in its facade's trim colour with a halo of its window light. */
export function signOf(brand: Brand, language: string): SignContent {
  const { trim, light } = brand.facade;
  return { name: brand.name, tagline: localize(brand.tagline, language), color: trim, glow: light };
}

/** Where one sign sits: the shared material of its atlas and its row there. */
export type SignSlot = { material: MeshStandardMaterial; row: number; rows: number };

/** The atlases of a set of signs: texture i holds the signs of `chunks[i]`, one per row. */
export type SignAtlases = {
  slots: SignSlot[];
  textures: CanvasTexture[];
  materials: MeshStandardMaterial[];
  chunks: SignContent[][];
};

/** The halo-lit look of every sign: the atlas is both colour and emissive map. */
function signMaterial(map: CanvasTexture): MeshStandardMaterial {
  return new MeshStandardMaterial({
    map,
    emissiveMap: map,
    emissive: "#ffffff",
    emissiveIntensity: 0.9,
    transparent: true,
    alphaTest: 0.02,
    roughness: 0.35,
    metalness: 0.4,
  });
}

/** Atlases for `signs` (SIGN_ATLAS_ROWS per atlas) and each sign's slot, in the order given. */
export function buildSignAtlases(signs: readonly SignContent[]): SignAtlases {
  const out: SignAtlases = { slots: [], textures: [], materials: [], chunks: [] };
  for (let start = 0; start < signs.length; start += SIGN_ATLAS_ROWS) {
    const chunk = signs.slice(start, start + SIGN_ATLAS_ROWS);
    const texture = createSignAtlas(chunk);
    const material = signMaterial(texture);
    out.textures.push(texture);
    out.materials.push(material);
    out.chunks.push(chunk);
    chunk.forEach((_, row) => {
      out.slots.push({ material, row, rows: chunk.length });
    });
  }
  return out;
}

/** The v range of `row` in an atlas of `rows` (canvas rows run top down; v runs bottom up). */
export function rowV(row: number, rows: number): { v0: number; v1: number } {
  return { v0: 1 - (row + 1) / rows, v1: 1 - row / rows };
}
