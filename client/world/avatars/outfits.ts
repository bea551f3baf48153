/**
 * The eight looks an avatar's `look` index picks from: evening wear in muted, expensive colours
 * (camel, black, navy, burgundy, ivory, forest, dove grey, blush), with varied skin and hair.
 */
export type Outfit = { coat: string; sleeve: string; legs: string; skin: string; hair: string };

export const OUTFITS: readonly Outfit[] = [
  { coat: "#b08a5a", sleeve: "#a07c50", legs: "#2b2b30", skin: "#e8c4a8", hair: "#3a2a20" },
  { coat: "#1c1c20", sleeve: "#17171a", legs: "#1c1c20", skin: "#c99a78", hair: "#101010" },
  { coat: "#1f2a44", sleeve: "#1b253c", legs: "#d8d0c4", skin: "#f1d3bd", hair: "#6b4a2b" },
  { coat: "#6a1f2e", sleeve: "#5e1b29", legs: "#1e1a1a", skin: "#8d5a3f", hair: "#120d0b" },
  { coat: "#e9e2d4", sleeve: "#ddd5c6", legs: "#5a4a3a", skin: "#e0b896", hair: "#c9a46a" },
  { coat: "#2e4536", sleeve: "#283d30", legs: "#2a2622", skin: "#b07a58", hair: "#2a1d16" },
  { coat: "#8a8c90", sleeve: "#7e8084", legs: "#2f3440", skin: "#f0cfb5", hair: "#8a5a3a" },
  { coat: "#d4a5a0", sleeve: "#c99a95", legs: "#f1ece4", skin: "#6e4630", hair: "#0e0b0a" },
];

export function outfitFor(look: number): Outfit {
  const n = OUTFITS.length;
  return OUTFITS[((Math.floor(look) % n) + n) % n] ?? (OUTFITS[0] as Outfit);
}
