/**
 * The passes-and-drops part of the demo seed: pass types, the demo's passes, and drops dated from the
 * moment of seeding (so a first start on any day shows an early-access window that is open). Runs inside
 * seedDemoContent's transaction and lock; every insert is `ON CONFLICT DO NOTHING` and audited only
 * when it wrote a row.
 */
import { inArray } from "drizzle-orm";
import { type SeedFile, seedDropBody, seedPassTypeBody } from "../../shared/seed.ts";
import type { Db } from "../db/database.ts";
import { auditEvents, drops, passes, passTypes, users } from "../db/schema.ts";
import { commitToSeed, newDrawSeed } from "../drops/raffle.ts";

/** Audit rows of the seed name it as the source, with no acting person. */
const SEEDED = { source: "demo_seed" };

/** Writes the seed's pass types, passes and drops at `now`. Expects a validated seed file. */
export async function seedPassesAndDrops(tx: Db, seed: SeedFile, now: Date): Promise<void> {
  const emails = seed.passTypes.flatMap((t) => t.holders.flatMap((h) => [h.email, h.issuedBy]));
  const idRows =
    emails.length === 0
      ? []
      : await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(inArray(users.email, [...new Set(emails.map((e) => e.toLowerCase()))]));
  const idByEmail = new Map(idRows.map((r) => [r.email, r.id]));

  for (const passType of seed.passTypes) {
    const body = seedPassTypeBody(passType, now);
    if (!body.success) throw new Error(`seed pass type ${passType.id} is invalid: ${body.error.message}`);
    const [created] = await tx
      .insert(passTypes)
      .values({ id: passType.id, ...body.data, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: passTypes.id });
    if (created) {
      await tx.insert(auditEvents).values({
        at: now,
        kind: "pass_type_created",
        details: { ...SEEDED, passTypeId: created.id, name: passType.name, tier: passType.tier },
      });
    }
    for (const holder of passType.holders) {
      const userId = idByEmail.get(holder.email.toLowerCase());
      const issuedBy = idByEmail.get(holder.issuedBy.toLowerCase());
      if (!userId || !issuedBy) throw new Error(`seed pass holder ${holder.email} is not a seeded account`);
      // The partial unique index (one live pass per person and type) makes a re-run a no-op.
      const [pass] = await tx
        .insert(passes)
        .values({
          passTypeId: passType.id,
          userId,
          source: "manual",
          issuedBy,
          validFrom: body.data.validFrom,
          validUntil: body.data.validUntil,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: passes.id });
      if (pass) {
        await tx.insert(auditEvents).values({
          at: now,
          kind: "pass_granted",
          actorUserId: issuedBy,
          subjectUserId: userId,
          passId: pass.id,
          details: { ...SEEDED, passTypeId: passType.id },
        });
      }
    }
  }

  for (const drop of seed.drops) {
    const parsed = seedDropBody(drop, now);
    if (!parsed.success) throw new Error(`seed drop ${drop.id} is invalid: ${parsed.error.message}`);
    const body = parsed.data;
    const seedHex = body.mode === "raffle" ? newDrawSeed() : null;
    const [created] = await tx
      .insert(drops)
      .values({
        id: drop.id,
        brandId: drop.brandId,
        productId: body.productId,
        title: body.title,
        mode: body.mode,
        stock: body.stock,
        remaining: body.stock,
        perAccountLimit: body.mode === "raffle" ? 1 : body.perAccountLimit,
        earlyAccessPassTypeIds: body.earlyAccessPassTypeIds,
        announceAt: body.announceAt,
        earlyAccessStartsAt: body.earlyAccessStartsAt,
        publicStartsAt: body.publicStartsAt,
        endsAt: body.endsAt,
        entriesCloseAt: body.mode === "raffle" ? (body.entriesCloseAt ?? null) : null,
        holdSeconds: body.holdSeconds,
        seed: seedHex,
        seedCommitment: seedHex ? commitToSeed(seedHex) : null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: drops.id, seedCommitment: drops.seedCommitment });
    if (created) {
      await tx.insert(auditEvents).values({
        at: now,
        kind: "drop_scheduled",
        dropId: created.id,
        details: { ...SEEDED, mode: body.mode, stock: body.stock, seedCommitment: created.seedCommitment },
      });
    }
  }
}
