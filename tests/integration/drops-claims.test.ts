import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { auditEvents, dropClaims, orderDeliveries } from "../../server/db/schema.ts";
import { claimDropUnit, confirmClaim } from "../../server/drops/claims.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { getDrop, getDropReport, scheduleDrop } from "../../server/drops/drops.ts";
import { startDropTimers } from "../../server/drops/dropTimers.ts";
import { expireHolds } from "../../server/drops/holdExpiry.ts";
import {
  type DeliveryFetch,
  deliverPendingOrders,
  listDeliveryAttempts,
  setBrandWebhook,
  verifyWebhookSignature,
} from "../../server/drops/orderWebhooks.ts";
import { flushRefusals } from "../../server/drops/refusalTally.ts";
import { issuePass, revokePass } from "../../server/passes/passes.ts";
import { type ScheduleDropBody, ScheduleDropBody as ScheduleDropSchema } from "../../shared/drops.ts";
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
  T0,
} from "./drops-fixtures.ts";

function fcfs(overrides: Partial<ScheduleDropBody> = {}): ScheduleDropBody {
  return ScheduleDropSchema.parse({
    productId: PRODUCT_ID,
    title: { en: "Winter ring" },
    mode: "fcfs",
    stock: 3,
    perAccountLimit: 1,
    holdSeconds: 300,
    ...DROP_TIMES,
    ...overrides,
  });
}

for (const target of databaseTargets()) {
  describe(`drop claims on ${target.name}`, { skip: target.skip }, () => {
    test("refusals carry their reason: not open yet, limit, sold out, ended; pass holders go early", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(-minutes(90)));
        const { ownerId } = await createBrand(database.db);
        const [vip, revoked, lapsed, a, b, c] = await createUsers(database.db, 6);
        const vipType = await createVipPassType(database.db, clock);
        await issuePass(database, vipType.id, vip as string, { source: "manual", issuedBy: ownerId }, clock);
        const r = await issuePass(
          database,
          vipType.id,
          revoked as string,
          { source: "manual", issuedBy: ownerId },
          clock,
        );
        await revokePass(database, r.pass.id, "left the programme", ownerId, clock);
        await issuePass(
          database,
          vipType.id,
          lapsed as string,
          { source: "manual", issuedBy: ownerId, validUntil: at(-minutes(40)) },
          clock,
        );
        const drop = await scheduleDrop(
          database,
          BRAND_ID,
          fcfs({ earlyAccessPassTypeIds: [vipType.id] }),
          ownerId,
          clock,
        );
        assert.equal(drop.phase, "scheduled");
        const claim = (userId: string, key: string) =>
          claimDropUnit(database, { dropId: drop.id, userId, idempotencyKey: key }, clock).then(
            (x) => x.answer,
          );

        clock.set(at(-minutes(45)));
        assert.equal((await getDrop(database, drop.id, clock)).phase, "announced");
        const tooEarly = await claim(vip as string, "key-vip-1");
        assert.equal(tooEarly.outcome, "refused");
        assert.equal(tooEarly.outcome === "refused" && tooEarly.opensAt, at(-minutes(30)).toISOString());

        clock.set(at(-minutes(10)));
        assert.equal((await getDrop(database, drop.id, clock)).phase, "early_access");
        assert.equal((await claim(vip as string, "key-vip-2")).outcome, "held");
        for (const [user, key] of [
          [revoked, "key-rev-1"],
          [lapsed, "key-lap-1"],
          [a, "key-a-1"],
        ] as const) {
          const answer = await claim(user as string, key);
          assert.deepEqual(
            answer.outcome === "refused" && [answer.reason, answer.opensAt],
            ["not_open_yet", T0.toISOString()],
            `${user} has no valid pass: public start only`,
          );
        }
        const limit = await claim(vip as string, "key-vip-3");
        assert.equal(limit.outcome === "refused" && limit.reason, "limit_reached");

        clock.set(at(minutes(1)));
        assert.equal((await claim(a as string, "key-a-2")).outcome, "held");
        assert.equal((await claim(b as string, "key-b-1")).outcome, "held");
        const soldOut = await claim(c as string, "key-c-1");
        assert.equal(soldOut.outcome === "refused" && soldOut.reason, "sold_out");
        assert.match(soldOut.outcome === "refused" ? soldOut.message : "", /sold out/);

        clock.set(at(minutes(61)));
        const ended = await claim(c as string, "key-c-2");
        assert.equal(ended.outcome === "refused" && ended.reason, "ended");

        const report = await getDropReport(database, drop.id);
        assert.deepEqual(report.claims, { held: 3, confirmed: 0, expired: 0 });
        assert.equal(report.remaining, 0);
        assert.equal(report.soldOutAt, at(minutes(1)).toISOString());
        assert.deepEqual(report.refusals, { not_open_yet: 4, limit_reached: 1, sold_out: 1, ended: 1 });
      }));

    test("a retried request with the same key gets the same answer and never a second unit", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(minutes(1)));
        const { ownerId } = await createBrand(database.db);
        const [u] = await createUsers(database.db, 1);
        const drop = await scheduleDrop(database, BRAND_ID, fcfs({ perAccountLimit: 3 }), ownerId, clock);
        const input = { dropId: drop.id, userId: u as string, idempotencyKey: "same-key-123" };
        const first = await claimDropUnit(database, input, clock);
        const retries = await Promise.all(
          Array.from({ length: 10 }, () => claimDropUnit(database, input, clock)),
        );
        assert.equal(first.replayed, false);
        for (const r of retries) {
          assert.equal(r.replayed, true);
          assert.deepEqual(r.answer, first.answer);
        }
        const claims = await database.db.select().from(dropClaims).where(eq(dropClaims.dropId, drop.id));
        assert.equal(claims.length, 1);
        // The same key from another account is another request.
        const [other] = await createUsers(database.db, 1, "other");
        const theirs = await claimDropUnit(database, { ...input, userId: other as string }, clock);
        assert.equal(theirs.replayed, false);
        assert.equal(theirs.answer.outcome, "held");
      }));

    test("holds expire on time back into stock; a late confirmation is refused", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(minutes(1)));
        const { ownerId } = await createBrand(database.db);
        const [u, v] = await createUsers(database.db, 2);
        const drop = await scheduleDrop(
          database,
          BRAND_ID,
          fcfs({ stock: 1, holdSeconds: 120 }),
          ownerId,
          clock,
        );
        const held = await claimDropUnit(
          database,
          { dropId: drop.id, userId: u as string, idempotencyKey: "k-u-0001" },
          clock,
        );
        assert.equal(held.answer.outcome, "held");
        const claimId = held.answer.outcome === "held" ? held.answer.claim.id : "";
        assert.equal(
          held.answer.outcome === "held" && held.answer.claim.holdExpiresAt,
          at(minutes(3)).toISOString(),
        );

        clock.advance(119_000);
        assert.equal(await expireHolds(database, clock), 0, "not yet");
        clock.advance(1_000);
        // Due but not swept yet: confirming is already refused.
        await assert.rejects(
          confirmClaim(database, { claimId, userId: u as string }, clock),
          (e: unknown) => {
            assert.equal((e as { details: { reason: string } }).details.reason, "hold_expired");
            return true;
          },
        );
        assert.equal(await expireHolds(database, clock), 1);
        assert.equal(await expireHolds(database, clock), 0, "expiring twice changes nothing");
        assert.equal((await getDrop(database, drop.id, clock)).remaining, 1);

        const again = await claimDropUnit(
          database,
          { dropId: drop.id, userId: v as string, idempotencyKey: "k-v-0001" },
          clock,
        );
        assert.equal(again.answer.outcome, "held", "the unit is back in stock");
        const mine = await claimDropUnit(
          database,
          { dropId: drop.id, userId: u as string, idempotencyKey: "k-u-0002" },
          clock,
        );
        assert.equal(
          mine.answer.outcome === "refused" && mine.answer.reason,
          "sold_out",
          "u's limit was freed",
        );

        // Sold-out refusals reach the audit table in batches (server/drops/refusalTally.ts).
        await flushRefusals(database);
        const kinds = await database.db
          .select({ kind: auditEvents.kind })
          .from(auditEvents)
          .where(eq(auditEvents.dropId, drop.id));
        assert.deepEqual(
          kinds.map((k) => k.kind).sort(),
          ["claim_refused", "drop_scheduled", "expiry", "hold", "hold"].sort(),
        );
      }));

    test("a confirmation becomes a signed order delivery, retried after a failure", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(minutes(1)));
        const { ownerId } = await createBrand(database.db);
        const [u] = await createUsers(database.db, 1);
        const secret = "whsec_0123456789abcdef";
        await setBrandWebhook(database, BRAND_ID, { url: "https://commerce.example.test/orders", secret });
        const drop = await scheduleDrop(database, BRAND_ID, fcfs(), ownerId, clock);
        const held = await claimDropUnit(
          database,
          { dropId: drop.id, userId: u as string, idempotencyKey: "k-u-0001" },
          clock,
        );
        const claimId = held.answer.outcome === "held" ? held.answer.claim.id : "";
        const confirmed = await confirmClaim(database, { claimId, userId: u as string }, clock);
        assert.equal(confirmed.status, "confirmed");
        assert.deepEqual(await confirmClaim(database, { claimId, userId: u as string }, clock), confirmed);
        const [outbox] = await database.db.select().from(orderDeliveries);
        assert.equal(outbox?.claimId, claimId);
        assert.equal(outbox?.status, "pending");

        const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
        let fail = true;
        const fetchFn: DeliveryFetch = async (url, init) => {
          calls.push({ url, headers: init.headers, body: init.body });
          if (fail) return { status: 503 };
          return { status: 200 };
        };
        assert.deepEqual(await deliverPendingOrders(database, fetchFn, clock, { baseDelayMs: 10_000 }), {
          delivered: 0,
          failed: 1,
        });
        assert.deepEqual(
          await deliverPendingOrders(database, fetchFn, clock, { baseDelayMs: 10_000 }),
          {
            delivered: 0,
            failed: 0,
          },
          "not due before the backoff",
        );
        fail = false;
        clock.advance(10_000);
        assert.deepEqual(await deliverPendingOrders(database, fetchFn, clock, { baseDelayMs: 10_000 }), {
          delivered: 1,
          failed: 0,
        });
        assert.equal(calls.length, 2);
        const last = calls[1];
        assert.ok(last);
        const signature = last.headers["Vitrine-Signature"] ?? "";
        const nowSeconds = Math.floor(clock.now().getTime() / 1000);
        assert.ok(verifyWebhookSignature(secret, last.body, signature, nowSeconds));
        assert.ok(!verifyWebhookSignature("another-secret-0000", last.body, signature, nowSeconds));
        assert.ok(!verifyWebhookSignature(secret, last.body.replace("1", "2"), signature, nowSeconds));
        const payload = JSON.parse(last.body) as Record<string, unknown>;
        assert.equal(payload.claimId, claimId);
        assert.equal(payload.type, "order.created");
        const [delivery] = await database.db.select().from(orderDeliveries);
        assert.equal(delivery?.status, "delivered");
        assert.equal(delivery?.attempts, 2);
        const attempts = await listDeliveryAttempts(database, delivery?.id ?? "");
        assert.deepEqual(
          attempts.map((x) => [x.httpStatus, x.error]),
          [
            [503, "HTTP 503"],
            [200, null],
          ],
        );
      }));

    test("the drop timers sweep due holds at start-up and deliver orders", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(minutes(1)));
        const { ownerId } = await createBrand(database.db);
        const [u, v] = await createUsers(database.db, 2);
        await setBrandWebhook(database, BRAND_ID, {
          url: "https://commerce.example.test/o",
          secret: "whsec_0123456789abcdef",
        });
        const drop = await scheduleDrop(database, BRAND_ID, fcfs({ holdSeconds: 60 }), ownerId, clock);
        const claimOf = async (userId: string, key: string) => {
          const { answer } = await claimDropUnit(
            database,
            { dropId: drop.id, userId, idempotencyKey: key },
            clock,
          );
          return answer.outcome === "held" ? answer.claim.id : "";
        };
        await claimOf(u as string, "timer-u-1");
        const kept = await claimOf(v as string, "timer-v-1");
        await confirmClaim(database, { claimId: kept, userId: v as string }, clock);
        clock.advance(60_000);
        const sent: string[] = [];
        const timers = startDropTimers({
          database,
          clock,
          fetchFn: async (url) => {
            sent.push(url);
            return { status: 204 };
          },
        });
        try {
          for (
            let i = 0;
            i < 200 && (sent.length === 0 || (await getDrop(database, drop.id, clock)).remaining < 2);
            i++
          ) {
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        } finally {
          await timers.stop();
        }
        assert.deepEqual(sent, ["https://commerce.example.test/o"]);
        assert.equal((await getDrop(database, drop.id, clock)).remaining, 2);
      }));
  });
}
