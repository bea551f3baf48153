import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { claimDropUnit, confirmClaim, listClaimsOf } from "../../server/drops/claims.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { getDrop, getDropReport, scheduleDrop } from "../../server/drops/drops.ts";
import { commitToSeed, recomputeDraw } from "../../server/drops/raffle.ts";
import { drawRaffle, enterRaffle } from "../../server/drops/raffleDraw.ts";
import { issuePass } from "../../server/passes/passes.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import {
  at,
  BRAND_ID,
  createBrand,
  createUsers,
  createVipPassType,
  DROP_TIMES,
  minutes,
  PRODUCT_ID,
} from "./drops-fixtures.ts";

const reasonOf = (e: unknown) => (e as { details?: { reason?: string } }).details?.reason;

for (const target of databaseTargets()) {
  describe(`raffle drops on ${target.name}`, { skip: target.skip }, () => {
    test("committed seed, entries in their window, a draw anyone can recompute from the revealed seed", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(-minutes(60)));
        const { ownerId } = await createBrand(database.db);
        const people = await createUsers(database.db, 30);
        const vipType = await createVipPassType(database.db, clock);
        const vip = people[0] as string;
        await issuePass(database, vipType.id, vip, { source: "manual", issuedBy: ownerId }, clock);
        const drop = await scheduleDrop(
          database,
          BRAND_ID,
          ScheduleDropBody.parse({
            productId: PRODUCT_ID,
            title: { en: "Raffle" },
            mode: "raffle",
            stock: 5,
            perAccountLimit: 1,
            earlyAccessPassTypeIds: [vipType.id],
            entriesCloseAt: at(minutes(30)),
            ...DROP_TIMES,
          }),
          ownerId,
          clock,
        );
        assert.match(drop.seedCommitment ?? "", /^[0-9a-f]{64}$/);
        assert.equal(drop.seed, null, "the seed stays secret before the draw");

        clock.set(at(-minutes(10)));
        await enterRaffle(database, { dropId: drop.id, userId: vip }, clock);
        await assert.rejects(
          enterRaffle(database, { dropId: drop.id, userId: people[1] as string }, clock),
          (e) => {
            assert.equal(reasonOf(e), "not_open_yet");
            return true;
          },
        );
        const claim = await claimDropUnit(
          database,
          { dropId: drop.id, userId: vip, idempotencyKey: "raffle-claim" },
          clock,
        );
        assert.equal(claim.answer.outcome === "refused" && claim.answer.reason, "raffle_drop");

        clock.set(at(minutes(5)));
        const entries = await Promise.all(
          people.map((userId) => enterRaffle(database, { dropId: drop.id, userId }, clock)),
        );
        assert.equal(
          entries[0]?.entryId,
          (await enterRaffle(database, { dropId: drop.id, userId: vip }, clock)).entryId,
        );
        await assert.rejects(drawRaffle(database, drop.id, ownerId, clock), (e) => {
          assert.equal(reasonOf(e), "draw_not_ready");
          return true;
        });

        clock.set(at(minutes(30)));
        await assert.rejects(enterRaffle(database, { dropId: drop.id, userId: vip }, clock), (e) => {
          assert.equal(reasonOf(e), "entries_closed");
          return true;
        });
        const draw = await drawRaffle(database, drop.id, ownerId, clock);
        assert.equal(draw.winnerEntryIds.length, 5);
        assert.deepEqual(
          await drawRaffle(database, drop.id, ownerId, clock),
          draw,
          "drawing again answers the same",
        );

        // Anyone: the revealed seed matches the commitment and gives the same winners.
        const published = await getDrop(database, drop.id, clock);
        assert.equal(published.seed, draw.seed);
        assert.equal(commitToSeed(published.seed ?? ""), published.seedCommitment);
        assert.deepEqual(recomputeDraw(draw.seed, draw.entryIds, 5), draw.winnerEntryIds);
        assert.notDeepEqual(recomputeDraw(`${draw.seed}x`, draw.entryIds, 5), draw.winnerEntryIds);

        // Winners hold a unit each, to confirm.
        const winnerUsers = people.filter((_, i) => draw.winnerEntryIds.includes(entries[i]?.entryId ?? ""));
        assert.equal(winnerUsers.length, 5);
        const [held] = await listClaimsOf(database, drop.id, winnerUsers[0] as string);
        assert.equal(held?.status, "held");
        await confirmClaim(database, { claimId: held?.id ?? "", userId: winnerUsers[0] as string }, clock);
        const report = await getDropReport(database, drop.id);
        assert.equal(report.entries, 30);
        assert.deepEqual(report.claims, { held: 4, confirmed: 1, expired: 0 });
        assert.equal(report.remaining, 0);
        assert.equal(report.drawnAt, at(minutes(30)).toISOString());
      }));
  });
}
