/** The live queue for "an advisor now": a shopper's place in it and an honest estimate of the wait. */
import { z } from "zod";
import { FreeSlot } from "./appointments.ts";

export const QueueStatus = z.object({
  brandId: z.string(),
  entryId: z.string(),
  status: z.enum(["waiting", "taken", "left"]),
  /** 1 for the next person served; null once taken or left. */
  position: z.number().int().min(1).nullable(),
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  advisorsOnline: z.number().int().min(0),
  joinedAt: z.iso.datetime(),
  /** The live appointment (and its salon) once an advisor took this shopper. */
  appointmentId: z.string().nullable(),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

export const JoinQueueAnswer = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("queued"), queue: QueueStatus }),
  z.object({ outcome: z.literal("no_advisor_online"), nextSlots: z.array(FreeSlot) }),
]);
export type JoinQueueAnswer = z.infer<typeof JoinQueueAnswer>;

/**
 * Minutes until the person at `position` is served: nothing while a free advisor is there for
 * them, otherwise one average session per round of the online advisors ahead of them.
 */
export function estimateWaitMinutes(input: {
  position: number;
  advisorsOnline: number;
  advisorsFree: number;
  averageSessionMinutes: number;
}): number {
  const { position, advisorsOnline, advisorsFree, averageSessionMinutes } = input;
  if (position <= advisorsFree) return 0;
  const rounds = Math.ceil((position - advisorsFree) / Math.max(1, advisorsOnline));
  return Math.round(rounds * averageSessionMinutes);
}

/**
 * What the host needs to hand a shopper over to a maison's advisors: whether someone is online now
 * (and the wait a newcomer to the live queue would have), and the next free slots otherwise.
 */
export const AdvisorHandoff = z.object({
  brandId: z.string(),
  advisorsOnline: z.number().int().min(0),
  /** Minutes a shopper joining the live queue now would wait; null when nobody is online. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  /** The next free slots (start instants, ISO), soonest first. */
  nextSlots: z.array(z.iso.datetime()),
});
export type AdvisorHandoff = z.infer<typeof AdvisorHandoff>;
