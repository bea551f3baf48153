/**
 * A boutique's local frame: x runs along the facade (+x to the shopper's right when facing it),
 * y up, +z towards the street, the facade's front face at z = 0. These numbers match the display
 * slots of shared/avenue/layout.ts (slots at u = ±2.6 and ±4.6, 0.7 m behind the facade, y 1.05).
 */
export const WINDOW_CENTRE_U = 3.6;
export const WINDOW_HALF_WIDTH = 2;
export const WINDOW_SILL = 0.55;
export const DOOR_HALF_WIDTH = 1.1;
/** Thickness of the facade wall; glass sits just behind it, the vitrine deeper still. */
export const WALL_DEPTH = 0.35;
export const GLASS_Z = -0.3;
export const VITRINE_BACK_Z = -1.9;

/** What differs between facade styles for the parts every boutique shares. */
export type FacadeSpec = {
  /** Top of the window openings (the crown of the arch when `arched`). */
  windowTop: number;
  doorTop: number;
  arched: boolean;
  sign: { y: number; width: number; z: number };
};
