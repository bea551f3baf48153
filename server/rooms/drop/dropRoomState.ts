/** Copies a drop's row into the room's synced state; only fields that changed are sent to clients. */
import type { DropRoomState } from "../../../shared/dropRoom.ts";
import { dropPhaseAt } from "../../../shared/drops.ts";
import type { DropRow } from "../../drops/drops.ts";

const ms = (d: Date | null) => d?.getTime() ?? 0;

/** Writes the row's fields (and the phase at `now`) into the state. */
export function applyDropRow(state: DropRoomState, row: DropRow, now: Date): void {
  state.assign({
    dropId: row.id,
    productId: row.productId,
    brandId: row.brandId,
    mode: row.mode,
    stock: row.stock,
    remaining: row.remaining,
    perAccountLimit: row.perAccountLimit,
    announceAt: ms(row.announceAt),
    earlyAccessStartsAt: ms(row.earlyAccessStartsAt),
    publicStartsAt: ms(row.publicStartsAt),
    endsAt: ms(row.endsAt),
    entriesCloseAt: ms(row.entriesCloseAt),
    soldOutAt: ms(row.soldOutAt),
    drawnAt: ms(row.drawnAt),
    phase: dropPhaseAt(row, now),
    serverTime: now.getTime(),
  });
  for (const [locale, text] of Object.entries(row.title)) {
    if (state.title.get(locale) !== text) state.title.set(locale, text);
  }
  for (const locale of [...state.title.keys()]) {
    if (row.title[locale] === undefined) state.title.delete(locale);
  }
}
