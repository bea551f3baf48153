import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { signIn, signOut, signUp } from "../../server/accounts/authentication.ts";
import { AccountError } from "../../server/accounts/errors.ts";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import {
  createSession,
  purgeExpiredSessions,
  resolveSession,
  resolveSessionFromCookieHeader,
} from "../../server/accounts/sessions.ts";
import { hashSessionToken } from "../../server/accounts/sessionToken.ts";
import { sessions, users } from "../../server/db/schema.ts";
import { SignUpBody } from "../../shared/auth.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";

const POLICY = { sessionTtlHours: 24 };
const ALICE = SignUpBody.parse({
  email: "Alice@Example.test",
  password: "correct horse battery",
  displayName: "Alice",
});

for (const target of databaseTargets()) {
  describe(`accounts on ${target.name}`, () => {
    const skip = target.skip;

    test("sign up stores a lowercased email, an argon2id hash and a hashed session token", { skip }, () =>
      withDatabase(target, async (database) => {
        const { user, session } = await signUp(database, ALICE, POLICY);
        assert.deepEqual(
          { ...user, id: "" },
          { id: "", email: "alice@example.test", displayName: "Alice", role: "shopper", brandRoles: [] },
        );
        assert.match(session.token, /^[A-Za-z0-9_-]{43}$/);
        const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
        assert.match(row?.passwordHash ?? "", /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        const stored = await database.db.select().from(sessions);
        assert.equal(stored.length, 1);
        assert.equal(stored[0]?.tokenHash, hashSessionToken(session.token));
        assert.notEqual(stored[0]?.tokenHash, session.token, "the raw token is never stored");
        assert.deepEqual(await resolveSession(database, session.token), user);
      }),
    );

    test("a duplicate email (in any case) is refused with email_taken", { skip }, () =>
      withDatabase(target, async (database) => {
        await signUp(database, ALICE, POLICY);
        const again = { ...ALICE, email: "alice@example.test", displayName: "Other" };
        await assert.rejects(signUp(database, again, POLICY), (e: unknown) => {
          assert.ok(e instanceof AccountError);
          assert.equal(e.code, "email_taken");
          assert.match(e.message, /Sign in instead/);
          return true;
        });
        const [parallelA, parallelB] = await Promise.allSettled([
          signUp(database, { ...ALICE, email: "bob@example.test" }, POLICY),
          signUp(database, { ...ALICE, email: "bob@example.test" }, POLICY),
        ]);
        assert.equal(
          [parallelA, parallelB].filter((r) => r.status === "fulfilled").length,
          1,
          "one of two simultaneous sign-ups wins",
        );
      }),
    );

    test("sign in works; wrong password and unknown email give the same error", { skip }, () =>
      withDatabase(target, async (database) => {
        const { user } = await signUp(database, ALICE, POLICY);
        const signedIn = await signIn(
          database,
          { email: "ALICE@example.test", password: ALICE.password },
          POLICY,
        );
        assert.equal(signedIn.user.id, user.id);
        assert.deepEqual(await resolveSession(database, signedIn.session.token), user);

        const wrongPassword = await signIn(
          database,
          { email: ALICE.email, password: "wrong password!" },
          POLICY,
        ).catch((e: unknown) => e);
        const unknownEmail = await signIn(
          database,
          { email: "nobody@example.test", password: "whatever" },
          POLICY,
        ).catch((e: unknown) => e);
        assert.ok(wrongPassword instanceof AccountError && unknownEmail instanceof AccountError);
        assert.equal(wrongPassword.code, "invalid_credentials");
        assert.deepEqual(
          { code: unknownEmail.code, message: unknownEmail.message, details: unknownEmail.details },
          { code: wrongPassword.code, message: wrongPassword.message, details: wrongPassword.details },
        );
      }),
    );

    test("an unknown email takes about as long as a wrong password", { skip }, () =>
      withDatabase(target, async (database) => {
        await signUp(database, ALICE, POLICY);
        const time = async (email: string) => {
          const start = performance.now();
          await signIn(database, { email, password: "wrong password!" }, POLICY).catch(() => {});
          return performance.now() - start;
        };
        await time("warm@example.test");
        // Interleaved, so that load from other processes weighs on both series alike.
        const knownRuns: number[] = [];
        const unknownRuns: number[] = [];
        for (let i = 0; i < 7; i++) {
          knownRuns.push(await time(ALICE.email));
          unknownRuns.push(await time("nobody@example.test"));
        }
        const median = (runs: number[]) => runs.sort((a, b) => a - b)[3] ?? 0;
        const known = median(knownRuns);
        const unknown = median(unknownRuns);
        // Both pay one argon2 verification; without the dummy hash, unknown would be ~0 ms.
        assert.ok(
          unknown > known * 0.4,
          `unknown email ${unknown.toFixed(1)} ms vs wrong password ${known.toFixed(1)} ms`,
        );
      }),
    );

    test("sign out ends the session", { skip }, () =>
      withDatabase(target, async (database) => {
        const { session } = await signUp(database, ALICE, POLICY);
        await signOut(database, session.token);
        assert.equal(await resolveSession(database, session.token), null);
        await signOut(database, session.token); // twice is fine
        await signOut(database, null);
      }),
    );

    test("an expired session is refused and deleted", { skip }, () =>
      withDatabase(target, async (database) => {
        const { user, session } = await signUp(database, ALICE, POLICY);
        const other = await createSession(database, user.id, 1);
        await database.db
          .update(sessions)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(sessions.tokenHash, hashSessionToken(session.token)));
        assert.equal(
          await resolveSessionFromCookieHeader(database, `${SESSION_COOKIE_NAME}=${session.token}`),
          null,
        );
        const left = await database.db.select().from(sessions);
        assert.deepEqual(
          left.map((s) => s.tokenHash),
          [hashSessionToken(other.token)],
          "the expired row is gone, the live one stays",
        );
        await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
        assert.equal(await purgeExpiredSessions(database), 1);
      }),
    );

    test("sign in cleans the user's expired sessions", { skip }, () =>
      withDatabase(target, async (database) => {
        const { user } = await signUp(database, ALICE, POLICY);
        await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
        const { session } = await signIn(database, { email: ALICE.email, password: ALICE.password }, POLICY);
        const left = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
        assert.deepEqual(
          left.map((s) => s.tokenHash),
          [hashSessionToken(session.token)],
        );
      }),
    );

    test("resolveSessionFromCookieHeader finds the user and shrugs off garbage", { skip }, () =>
      withDatabase(target, async (database) => {
        const { user, session } = await signUp(database, ALICE, POLICY);
        const good = `theme=dark; ${SESSION_COOKIE_NAME}=${session.token}; other=1`;
        assert.deepEqual(await resolveSessionFromCookieHeader(database, good), user);
        assert.deepEqual(
          await resolveSessionFromCookieHeader(database, `${SESSION_COOKIE_NAME}="${session.token}"`),
          user,
        );

        const garbage: (string | undefined)[] = [
          undefined,
          "",
          ";;;",
          "=",
          `${SESSION_COOKIE_NAME}=`,
          `${SESSION_COOKIE_NAME}=short`,
          `${SESSION_COOKIE_NAME}=${"A".repeat(43)}`,
          `${SESSION_COOKIE_NAME}=${session.token.slice(0, 42)}'`,
          `${SESSION_COOKIE_NAME}=%00%ff; ${SESSION_COOKIE_NAME}=../../etc`,
          `${SESSION_COOKIE_NAME}=${"x".repeat(100_000)}`,
          `${SESSION_COOKIE_NAME}=' OR 1=1 --`,
          "\u0000\uffff\ud800",
          `x_${SESSION_COOKIE_NAME}=${session.token}`,
        ];
        for (const header of garbage) {
          assert.equal(
            await resolveSessionFromCookieHeader(database, header),
            null,
            `header ${JSON.stringify(header)}`,
          );
        }
        const notAString = 42 as unknown as string;
        assert.equal(await resolveSessionFromCookieHeader(database, notAString), null);
      }),
    );
  });
}
