/** Copies a collection (VitrineView) into the room's synced state, touching only what changed. */
import type { VitrineView } from "../../../shared/collectibles.ts";
import { VitrinePedestalState, type VitrineState } from "../../../shared/vitrineRoom.ts";

/** A fingerprint of what stands on the pedestals, in order: equal means nothing to resend. */
export function displaySignature(view: VitrineView): string {
  return view.copies.map((c) => `${c.id}:${c.edition}:${c.modelUrl}:${c.displayHeight}`).join("|");
}

/**
 * Writes the owner's name and the pieces on display. Pedestals are rebuilt only when the set or
 * order of pieces changed (a copy granted, hidden or shown); returns whether they were.
 */
export function applyVitrineView(state: VitrineState, view: VitrineView, previousSignature: string): boolean {
  if (state.ownerName !== view.ownerName) state.ownerName = view.ownerName;
  if (state.ownerPseudonym !== view.ownerPseudonym) state.ownerPseudonym = view.ownerPseudonym;
  if (displaySignature(view) === previousSignature) return false;
  state.pedestals.clear();
  for (const copy of view.copies) {
    const pedestal = new VitrinePedestalState().assign({
      copyId: copy.id,
      collectibleId: copy.collectibleId,
      brandName: copy.brandName,
      edition: copy.edition,
      editionSize: copy.editionSize,
      modelUrl: copy.modelUrl,
      displayHeight: copy.displayHeight,
    });
    for (const [locale, text] of Object.entries(copy.name)) {
      if (typeof text === "string") pedestal.name.set(locale, text);
    }
    state.pedestals.push(pedestal);
  }
  return true;
}
