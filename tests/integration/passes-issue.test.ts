import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { auditEvents } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { loadSigningKeys } from "../../server/keys/signingKeys.ts";
import { issuePass, issuePassesByRule, listPassesOfUser, revokePass } from "../../server/passes/passes.ts";
import { checkPassTokenSignature, issuePassToken, verifyPassToken } from "../../server/passes/passTokens.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { at, createUsers, createVipPassType, minutes } from "./drops-fixtures.ts";

const { privateKey } = generateKeyPairSync("ed25519");
const keys = await loadSigningKeys("/nonexistent", {
  SIGNING_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
});

for (const target of databaseTargets()) {
  describe(`passes on ${target.name}`, { skip: target.skip }, () => {
    test("issued by hand once per person, by a rule over client stats, revoked, audited", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(0));
        const [admin, ann, ben, cat] = await createUsers(database.db, 4);
        const type = await createVipPassType(database.db, clock);
        const first = await issuePass(
          database,
          type.id,
          ann as string,
          { source: "manual", issuedBy: admin as string },
          clock,
        );
        assert.equal(first.created, true);
        assert.equal(first.pass.status, "active");
        assert.equal(first.pass.validUntil, type.validUntil, "defaults to the type's window");
        const twice = await issuePass(
          database,
          type.id,
          ann as string,
          { source: "manual", issuedBy: admin as string },
          clock,
        );
        assert.deepEqual(twice, { pass: first.pass, created: false });

        const rule = { id: "spend-10k", minYearlySpendMinor: 1_000_000, currency: "EUR" };
        const byRule = await issuePassesByRule(
          database,
          type.id,
          rule,
          [
            { userId: ann as string, yearlySpendMinor: 2_000_000, currency: "EUR", attendedEventIds: [] },
            { userId: ben as string, yearlySpendMinor: 1_000_000, currency: "EUR", attendedEventIds: [] },
            { userId: cat as string, yearlySpendMinor: 999_999, currency: "EUR", attendedEventIds: [] },
          ],
          clock,
        );
        assert.deepEqual(
          byRule.issued.map((p) => [p.userId, p.source, p.issuedBy]),
          [[ben, "rule", "spend-10k"]],
        );
        assert.deepEqual(byRule.alreadyHeld, [ann]);

        const revoked = await revokePass(database, first.pass.id, "client request", admin as string, clock);
        assert.equal(revoked.status, "revoked");
        const reissued = await issuePass(
          database,
          type.id,
          ann as string,
          { source: "manual", issuedBy: admin as string },
          clock,
        );
        assert.equal(reissued.created, true, "a revoked pass does not block a new one");
        clock.set(new Date(type.validUntil));
        assert.deepEqual(
          (await listPassesOfUser(database, ann as string, clock)).map((p) => p.status).sort(),
          ["expired", "revoked"],
        );
        const kinds = await database.db
          .select({ kind: auditEvents.kind })
          .from(auditEvents)
          .where(eq(auditEvents.subjectUserId, ann as string))
          .orderBy(auditEvents.seq);
        assert.deepEqual(
          kinds.map((k) => k.kind),
          ["pass_granted", "pass_revoked", "pass_granted"],
        );
      }));

    test("pass tokens: verified when intact; tampered, foreign, revoked or expired ones are rejected", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(0));
        const [admin, ann] = await createUsers(database.db, 2);
        const type = await createVipPassType(database.db, clock);
        const { pass } = await issuePass(
          database,
          type.id,
          ann as string,
          { source: "manual", issuedBy: admin as string, validUntil: at(minutes(60)) },
          clock,
        );
        const { token } = await issuePassToken(database, pass.id, keys, clock);
        const ok = await verifyPassToken(database, token, keys, clock);
        assert.deepEqual([ok.valid, ok.pass?.id], [true, pass.id]);

        const [header, payload, signature] = token.split(".") as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
        const forged = Buffer.from(JSON.stringify({ ...claims, tier: "platinum" })).toString("base64url");
        const tampered = await verifyPassToken(database, `${header}.${forged}.${signature}`, keys, clock);
        assert.deepEqual([tampered.valid, tampered.reason], [false, "bad_signature"]);
        const otherKeys = await loadSigningKeys("/nonexistent", {
          SIGNING_PRIVATE_KEY: generateKeyPairSync("ed25519")
            .privateKey.export({ type: "pkcs8", format: "pem" })
            .toString(),
        });
        assert.equal((await checkPassTokenSignature(token, otherKeys.publicKey, clock)).valid, false);
        assert.equal((await verifyPassToken(database, "not.a.token", keys, clock)).valid, false);

        clock.set(at(minutes(61)));
        const expired = await verifyPassToken(database, token, keys, clock);
        assert.deepEqual([expired.valid, expired.reason], [false, "expired"]);
        clock.set(at(minutes(1)));
        await revokePass(database, pass.id, "test", admin as string, clock);
        const revoked = await verifyPassToken(database, token, keys, clock);
        assert.deepEqual([revoked.valid, revoked.reason], [false, "revoked"]);
      }));
  });
}
