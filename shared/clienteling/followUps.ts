/** Follow-up tasks for advisors, made by the server after an appointment or a claim. */
import { z } from "zod";

export const FollowUpKind = z.enum(["after_appointment", "after_claim"]);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

export const FollowUpStatus = z.enum(["open", "done"]);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpTask = z.object({
  id: z.string(),
  brandId: z.string(),
  advisorId: z.string().nullable(),
  clientId: z.string(),
  clientName: z.string(),
  kind: FollowUpKind,
  /** The appointment or the claim it follows. */
  sourceId: z.string(),
  dueAt: z.iso.datetime(),
  status: FollowUpStatus,
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  outcome: z.string().nullable(),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;

export const CompleteFollowUpBody = z
  .object({ outcome: z.string().trim().min(1).max(1000).optional() })
  .strict();
export type CompleteFollowUpBody = z.infer<typeof CompleteFollowUpBody>;
