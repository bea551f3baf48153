/**
 * The host's "take me to an advisor": what a maison can offer right now, read for the host's
 * answer (server/host/hostServices.ts): the live queue's wait when an advisor is online, and the
 * next free slots in any case (the host offers them when nobody is online).
 */
import type { AdvisorHandoff } from "../../shared/clienteling/queue.ts";
import type { DbLike } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { freeSlotsOfBrand } from "./appointments/freeSlots.ts";
import { liveQueueEstimate } from "./appointments/queue.ts";

/** Slots the host names in one line. */
export const HANDOFF_SLOTS = 3;

/** What the maison can offer a shopper the host hands over now (a guest's booking window). */
export async function advisorHandoff(
  database: DbLike,
  brandId: string,
  clock: Clock,
): Promise<AdvisorHandoff> {
  const live = await liveQueueEstimate(database, brandId, clock);
  const free = await freeSlotsOfBrand(database, { brandId, clientId: null, limit: HANDOFF_SLOTS }, clock);
  return { brandId, ...live, nextSlots: free.slots.map((s) => s.startsAt) };
}
