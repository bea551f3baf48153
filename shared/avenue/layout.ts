/**
 * The avenue's geometry, computed from the catalog by one pure function so that the server's
 * colliders and the client's visuals can never disagree. An AvenueLayout is a WalkableLayout
 * (shared/walking/layout.ts): the walking kernel needs nothing else of it.
 *
 * Frame: the street runs along z; boutiques on the left row stand at x < 0 and face +x, those on
 * the right row stand at x > 0 and face -x. Heading h means facing (sin h, cos h) in (x, z), which
 * is three.js' rotation.y.
 */
import type { CircleCollider, Collider, RectCollider, Vec2, WalkableLayout } from "../walking/layout.ts";

export type { Vec2 } from "../walking/layout.ts";

/** Half the width of the walkable street, facade to facade. */
export const STREET_HALF_WIDTH = 9;
/** Street frontage of one boutique along z, and the gap between two boutiques. */
export const BOUTIQUE_FRONTAGE = 12;
export const BOUTIQUE_GAP = 2;
export const BOUTIQUE_DEPTH = 10;
export const BOUTIQUE_HEIGHT = 9;
/** Open plaza at each end of the avenue. */
export const PLAZA_LENGTH = 12;
/** Display slots per boutique window row (two windows, two slots each). */
export const SLOTS_PER_BOUTIQUE = 4;

export type DisplaySlot = {
  /** World position of the top of the pedestal where a product stands. */
  x: number;
  y: number;
  z: number;
  /** Rotation about y so the product faces the street. */
  rotationY: number;
};

export type BoutiqueLayout = {
  brandId: string;
  index: number;
  side: "left" | "right";
  /** Centre of the facade plane at ground level. */
  facade: Vec2;
  /** Rotation about y so the facade's front (+z local) faces the street. */
  rotationY: number;
  width: number;
  depth: number;
  height: number;
  door: Vec2;
  slots: DisplaySlot[];
};

export type StreetProp = { kind: "lamp" | "planter"; x: number; z: number };

export type AvenueLayout = WalkableLayout & {
  boutiques: BoutiqueLayout[];
  props: StreetProp[];
  colliders: Collider[];
};

/**
 * Lays out the avenue for brands in catalog order: alternating sides, the first pair nearest the
 * spawn plaza. Deterministic: the same brand ids always give the same layout.
 */
export function layoutAvenue(brandIds: readonly string[]): AvenueLayout {
  const perRow = Math.max(1, Math.ceil(brandIds.length / 2));
  const pitch = BOUTIQUE_FRONTAGE + BOUTIQUE_GAP;
  const rowLength = perRow * pitch;
  const halfLength = rowLength / 2;

  const boutiques: BoutiqueLayout[] = brandIds.map((brandId, index) => {
    const side = index % 2 === 0 ? "left" : "right";
    const row = Math.floor(index / 2);
    // Row 0 sits at the +z end, next to the spawn plaza.
    const z = halfLength - pitch / 2 - row * pitch;
    const faceX = side === "left" ? -STREET_HALF_WIDTH : STREET_HALF_WIDTH;
    const rotationY = side === "left" ? Math.PI / 2 : -Math.PI / 2;
    return {
      brandId,
      index,
      side,
      facade: { x: faceX, z },
      rotationY,
      width: BOUTIQUE_FRONTAGE,
      depth: BOUTIQUE_DEPTH,
      height: BOUTIQUE_HEIGHT,
      door: { x: faceX + (side === "left" ? 0.8 : -0.8), z },
      slots: displaySlots(faceX, z, side, rotationY),
    };
  });

  const bounds = {
    minX: -STREET_HALF_WIDTH,
    maxX: STREET_HALF_WIDTH,
    minZ: -halfLength - PLAZA_LENGTH,
    maxZ: halfLength + PLAZA_LENGTH,
  };

  const props: StreetProp[] = [];
  for (let row = 0; row <= perRow; row++) {
    const z = halfLength - row * pitch;
    props.push(
      { kind: "lamp", x: -STREET_HALF_WIDTH + 1.2, z },
      { kind: "lamp", x: STREET_HALF_WIDTH - 1.2, z },
    );
  }
  for (let row = 0; row < perRow; row++) {
    props.push({ kind: "planter", x: 0, z: halfLength - pitch / 2 - row * pitch });
  }

  const colliders: Collider[] = [
    ...boutiques.map((b): RectCollider => {
      const inner = b.side === "left" ? -STREET_HALF_WIDTH : STREET_HALF_WIDTH;
      const outer = b.side === "left" ? inner - b.depth : inner + b.depth;
      return {
        kind: "rect",
        minX: Math.min(inner, outer),
        maxX: Math.max(inner, outer),
        minZ: b.facade.z - b.width / 2,
        maxZ: b.facade.z + b.width / 2,
      };
    }),
    ...props.map(
      (p): CircleCollider => ({ kind: "circle", x: p.x, z: p.z, radius: p.kind === "lamp" ? 0.25 : 1.3 }),
    ),
  ];

  return {
    bounds,
    spawn: { x: 0, z: bounds.maxZ - 4, heading: Math.PI },
    boutiques,
    props,
    colliders,
  };
}

function displaySlots(faceX: number, z: number, side: "left" | "right", rotationY: number): DisplaySlot[] {
  // Two windows either side of the door; slots stand 0.7 m behind the glass, inside the shop.
  const inward = side === "left" ? -0.7 : 0.7;
  // Along the facade, +u points to the viewer's right when facing the shop from the street.
  const alongZ = side === "left" ? 1 : -1;
  return [-4.6, -2.6, 2.6, 4.6].map((u) => ({
    x: faceX + inward,
    y: 1.05,
    z: z - u * alongZ,
    rotationY,
  }));
}
