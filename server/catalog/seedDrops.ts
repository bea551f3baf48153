/**
 * The passes-and-drops part of the demo seed: pass types, the demo's passes, and drops dated from the
 * moment of seeding (so a first start on any day shows an early-access window that is open). Runs inside
 * seedDemoContent's transaction and lock, through the domains' own writes (`insertPassType`,
 * `insertPass`, `insertDrop`): each writes nothing when its row exists, and audits only what it wrote,
 * with `source: "demo_seed"`.
 */
import { type SeedFile, seedDropBody, seedPassTypeBody } from "../../shared/seed.ts";
import { accountIdsByEmail } from "../accounts/accounts.ts";
import { DEMO_SEED } from "../audit.ts";
import type { Db } from "../db/database.ts";
import { insertDrop } from "../drops/drops.ts";
import { insertPass, insertPassType } from "../passes/passes.ts";

/** Writes the seed's pass types, passes and drops at `now`. Expects a validated seed file. */
export async function seedPassesAndDrops(tx: Db, seed: SeedFile, now: Date): Promise<void> {
  const idByEmail = await accountIdsByEmail(
    tx,
    seed.passTypes.flatMap((t) => t.holders.flatMap((h) => [h.email, h.issuedBy])),
  );

  for (const passType of seed.passTypes) {
    const body = seedPassTypeBody(passType, now);
    if (!body.success) throw new Error(`seed pass type ${passType.id} is invalid: ${body.error.message}`);
    await insertPassType(tx, { id: passType.id, ...body.data }, DEMO_SEED, now);
    for (const holder of passType.holders) {
      const userId = idByEmail.get(holder.email.toLowerCase());
      const issuedBy = idByEmail.get(holder.issuedBy.toLowerCase());
      if (!userId || !issuedBy) throw new Error(`seed pass holder ${holder.email} is not a seeded account`);
      // The holder's live pass from an earlier run makes this a no-op.
      await insertPass(
        tx,
        {
          passTypeId: passType.id,
          userId,
          source: "manual",
          issuedBy,
          validFrom: body.data.validFrom,
          validUntil: body.data.validUntil,
        },
        { personId: issuedBy, seeded: true },
        now,
      );
    }
  }

  for (const drop of seed.drops) {
    const parsed = seedDropBody(drop, now);
    if (!parsed.success) throw new Error(`seed drop ${drop.id} is invalid: ${parsed.error.message}`);
    await insertDrop(tx, { id: drop.id, brandId: drop.brandId, body: parsed.data }, DEMO_SEED, now);
  }
}
