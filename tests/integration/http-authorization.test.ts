/**
 * The authorization matrix, generated from the declarations (shared/api/index.ts): every declared
 * endpoint is called by nine kinds of caller, and the real server's answer must match what the
 * endpoint's declared access rule says about that caller: 401 `unauthenticated`, 403 `forbidden`
 * with an access-denial reason, or let in (any answer but those, and never a 5xx). The expectation is
 * worked out here from the rule's kind and the caller, independently of the server's guards. A new
 * endpoint gets its rows by being declared; one whose parameter or brand source this file cannot
 * fill fails until it can. One server, seeded once, per database (PGlite; PostgreSQL when
 * TEST_DATABASE_URL is set).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { drizzleOf } from "../../server/db/database.ts";
import { collectibleCopies, collectibles, drops, products, users } from "../../server/db/schema.ts";
import { systemClock } from "../../server/drops/clock.ts";
import { scheduleEvent } from "../../server/events/scheduling.ts";
import { issuePass } from "../../server/passes/passes.ts";
import { createPassType } from "../../server/passes/passTypes.ts";
import { AccessDeniedDetails, type AccessRule } from "../../shared/api/access.ts";
import { buildPath, type EndpointSpec } from "../../shared/api/endpoint.ts";
import { API_ENDPOINTS } from "../../shared/api/index.ts";
import type { BrandRole, SessionUser } from "../../shared/auth.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { ScheduleEventBody, type ScheduleEventInput } from "../../shared/events/eventSchedule.ts";
import { databaseTargets } from "../helpers/databases.ts";
import { cookieFor, DEMO, staffCookie, startServerOn } from "./models-fixtures.ts";

/** Brand A: the brand the staff callers work for; brand B is another maison. */
const BRAND_A = DEMO.merchandiser.brandId;

type Caller = {
  name: string;
  cookie: string | null;
  signedIn: boolean;
  admin: boolean;
  roleInA: BrandRole | null;
};
type Expected = "allowed" | "unauthenticated" | "forbidden";
/** Whether a brand-scoped rule is asked about brand A, or about a platform-wide thing. */
type Scope = "brand" | "platform";

/** What the declared rule lets this caller do, worked out from the rule alone. */
function expectedFor(rule: AccessRule, caller: Caller, scope: Scope): Expected {
  if (rule.kind === "anyone") return "allowed";
  if (!caller.signedIn) return "unauthenticated";
  if (rule.kind === "signedIn" || caller.admin) return "allowed";
  if (rule.kind === "admin" || scope === "platform") return "forbidden";
  return caller.roleInA !== null && rule.roles.includes(caller.roleInA) ? "allowed" : "forbidden";
}

type Answer = { status: number; code: string | null; details: unknown; text: string };

/** Is this answer an access rule's refusal, and which? */
function accessOutcome(answer: Answer): Expected {
  if (answer.status === 401 && answer.code === "unauthenticated") return "unauthenticated";
  if (
    answer.status === 403 &&
    answer.code === "forbidden" &&
    AccessDeniedDetails.safeParse(answer.details).success
  )
    return "forbidden";
  return "allowed";
}

/** An event a day ahead presented by the host alone (of brand A, or of the platform when null). */
function eventBody(brandId: string | null, productId: string): ScheduleEventInput {
  const start = Date.now() + 86_400_000;
  return {
    brandId,
    title: { en: "Matrix evening" },
    description: { en: "An event of the authorization matrix." },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
    kind: "open",
    presenters: [{ kind: "host" }],
    productIds: [productId],
    hostScript: { segments: [{ productId, atSeconds: 0, line: { en: "Here it is." } }] },
  };
}

/** A valid body for endpoints whose access rule reads its brand from the body. */
function sampleBody(endpoint: EndpointSpec, scope: Scope): unknown {
  if (endpoint.id === "events.schedule")
    return eventBody(scope === "brand" ? BRAND_A : null, "matrix-no-such-product");
  // Asking to watch: the matrix's events are a day ahead, so whoever is let in hears "not open yet".
  if (endpoint.id === "events.media") return { role: "watch" };
  if (endpoint.id !== "passes.createType") return {};
  const now = Date.now();
  return {
    ...(scope === "brand" ? { brandId: BRAND_A } : {}),
    name: { en: `Matrix programme ${now}` },
    tier: "gold",
    validFrom: new Date(now - 86_400_000).toISOString(),
    validUntil: new Date(now + 86_400_000).toISOString(),
    entitlements: {
      earlyAccessLeadMinutes: 0,
      inviteOnlyEvents: false,
      perDropClaimLimit: null,
      passOnlyCollectibleIds: [],
    },
  };
}

/** The scopes an endpoint is asked in: brand A, and platform-wide when its rule can name no brand. */
function scopesOf(endpoint: EndpointSpec): Scope[] {
  const rule = endpoint.access;
  if (rule.kind !== "brandStaff") return ["brand"];
  const source = rule.brand;
  const platformToo =
    source.in === "query" ||
    source.in === "body" ||
    (source.in === "resource" &&
      (source.kind === "pass" || source.kind === "passType" || source.kind === "event"));
  return platformToo ? ["brand", "platform"] : ["brand"];
}

for (const target of databaseTargets()) {
  describe(`authorization matrix, every declared endpoint × nine callers (${target.name})`, {
    skip: target.skip,
  }, () => {
    let running: Awaited<ReturnType<typeof startServerOn>>;
    let callers: Caller[];
    /** Path parameter values by name, per scope (brand A's resources, or platform ones). */
    let params: Record<Scope, Record<string, string>>;

    before(async () => {
      running = await startServerOn(target);
      const database = running.server.database;
      const db = drizzleOf(database);
      const idOf = async (email: string) => {
        const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
        return (row as { id: string }).id;
      };
      const [adminId, vipId, shopperId] = await Promise.all([
        idOf(DEMO.admin.email),
        idOf("vip@vitrine.demo"),
        idOf(DEMO.shopper.email),
      ]);
      const expired = `${SESSION_COOKIE_NAME}=${(await createSession(database, shopperId, -1)).token}`;
      callers = [
        { name: "guest", cookie: null, signedIn: false, admin: false, roleInA: null },
        { name: "expired session", cookie: expired, signedIn: false, admin: false, roleInA: null },
        {
          name: "shopper",
          cookie: await cookieFor(database, DEMO.shopper.email),
          signedIn: true,
          admin: false,
          roleInA: null,
        },
        {
          name: "pass holder",
          cookie: await cookieFor(database, "vip@vitrine.demo"),
          signedIn: true,
          admin: false,
          roleInA: null,
        },
        {
          name: "advisor of A",
          cookie: await staffCookie(database, BRAND_A, "advisor", "matrix-advisor"),
          signedIn: true,
          admin: false,
          roleInA: "advisor",
        },
        {
          name: "merchandiser of A",
          cookie: await cookieFor(database, DEMO.merchandiser.email),
          signedIn: true,
          admin: false,
          roleInA: "merchandiser",
        },
        {
          name: "owner of A",
          cookie: await staffCookie(database, BRAND_A, "owner", "matrix-owner"),
          signedIn: true,
          admin: false,
          roleInA: "owner",
        },
        {
          name: "staff of B",
          cookie: await cookieFor(database, DEMO.owner.email),
          signedIn: true,
          admin: false,
          roleInA: null,
        },
        {
          name: "admin",
          cookie: await cookieFor(database, DEMO.admin.email),
          signedIn: true,
          admin: true,
          roleInA: null,
        },
      ];

      const first = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
        const [row] = await rows;
        assert.ok(row, `the demo seed has ${what}`);
        return row;
      };
      const drop = await first(
        db.select({ id: drops.id }).from(drops).where(eq(drops.brandId, BRAND_A)),
        "a drop of brand A",
      );
      const product = await first(
        db.select({ id: products.id }).from(products).where(eq(products.brandId, BRAND_A)),
        "a product of A",
      );
      const collectible = await first(
        db.select({ id: collectibles.id }).from(collectibles).where(eq(collectibles.brandId, BRAND_A)),
        "a collectible of A",
      );
      const copy = await first(
        db
          .select({ id: collectibleCopies.id })
          .from(collectibleCopies)
          .where(eq(collectibleCopies.ownerId, vipId)),
        "a copy the pass holder owns",
      );
      const window = {
        validFrom: new Date(Date.now() - 86_400_000),
        validUntil: new Date(Date.now() + 86_400_000),
      };
      const entitlements = {
        earlyAccessLeadMinutes: 0,
        inviteOnlyEvents: false,
        perDropClaimLimit: null,
        passOnlyCollectibleIds: [],
      };
      const programme = async (brandId?: string) => {
        const type = await createPassType(
          database,
          { brandId, name: { en: `Matrix ${brandId ?? "platform"}` }, tier: "t", ...window, entitlements },
          adminId,
          systemClock,
        );
        const { pass } = await issuePass(
          database,
          type.id,
          vipId,
          { source: "manual", issuedBy: adminId },
          systemClock,
        );
        return { passTypeId: type.id, passId: pass.id };
      };
      const common = {
        brandId: BRAND_A,
        dropId: drop.id,
        claimId: "no-such-claim",
        productId: product.id,
        modelId: "no-such-model",
        uploadId: crypto.randomUUID(),
        id: collectible.id,
        copyId: copy.id,
        token: "no-such-vitrine-link-0000",
        file: `${"0".repeat(64)}.glb`,
        // Clienteling: ids that name nothing (the domain answers 404 to whoever is let in).
        clientId: "no-such-client",
        advisorId: "no-such-advisor",
        appointmentId: "no-such-appointment",
        listId: "no-such-list",
        itemId: "no-such-item",
        messageId: "no-such-message",
        taskId: "no-such-task",
        occasion: "birthday",
        // The admin console: a person and a report that do not exist (admins get a 404).
        userId: "no-such-person",
        reportId: "no-such-report",
      };
      // An event of brand A and a platform event, each presented by the host.
      const adminUser: SessionUser = {
        id: adminId,
        email: DEMO.admin.email,
        displayName: "Admin",
        role: "admin",
        brandRoles: [],
      };
      const event = async (brandId: string | null) =>
        (
          await scheduleEvent(
            database,
            adminUser,
            ScheduleEventBody.parse(eventBody(brandId, product.id)),
            systemClock,
          )
        ).id;
      // Pass, pass type and event parameters name brand A's, or platform-wide ones.
      params = {
        brand: { ...common, ...(await programme(BRAND_A)), eventId: await event(BRAND_A) },
        platform: { ...common, ...(await programme()), eventId: await event(null) },
      };
    });
    after(() => running.stop());

    async function call(endpoint: EndpointSpec, caller: Caller, scope: Scope): Promise<Answer> {
      const values = params[scope];
      const rule = endpoint.access;
      const query =
        rule.kind === "brandStaff" && rule.brand.in === "query" && scope === "brand"
          ? `?${rule.brand.field}=${BRAND_A}`
          : "";
      const hasBody = endpoint.body !== undefined;
      const response = await fetch(`${running.server.url}${buildPath(endpoint, values)}${query}`, {
        method: endpoint.method,
        headers: {
          ...(caller.cookie ? { cookie: caller.cookie } : {}),
          // Every body is sent as JSON: a multipart endpoint refuses it after the access check.
          ...(hasBody ? { "content-type": "application/json" } : {}),
        },
        body: hasBody ? JSON.stringify(sampleBody(endpoint, scope)) : undefined,
      });
      const text = await response.text();
      let parsed: ReturnType<typeof ApiErrorBody.safeParse> | null = null;
      try {
        parsed = ApiErrorBody.safeParse(JSON.parse(text));
      } catch {
        parsed = null;
      }
      const error = parsed?.success ? parsed.data.error : null;
      return {
        status: response.status,
        code: error?.code ?? null,
        details: error?.details,
        text: text.slice(0, 300),
      };
    }

    test("every declared endpoint answers each kind of caller as its access rule says", async () => {
      // Signing out ends the caller's session: those rows go last.
      const ordered = [...API_ENDPOINTS].sort(
        (a, b) => Number(a.id === "auth.signOut") - Number(b.id === "auth.signOut"),
      );
      const mismatches: string[] = [];
      let rows = 0;
      for (const endpoint of ordered) {
        for (const name of endpoint.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
          assert.ok(
            params.brand[name[1] as string],
            `${endpoint.id}: the matrix has no value for :${name[1]}; add one`,
          );
        }
        for (const scope of scopesOf(endpoint)) {
          for (const caller of callers) {
            const expected = expectedFor(endpoint.access, caller, scope);
            const answer = await call(endpoint, caller, scope);
            rows++;
            const actual = accessOutcome(answer);
            const where = `${endpoint.id} (${endpoint.method} ${endpoint.path}, ${scope}) as ${caller.name}`;
            if (actual !== expected)
              mismatches.push(`${where}: expected ${expected}, got ${answer.status} ${answer.text}`);
            else if (answer.status >= 500) mismatches.push(`${where}: ${answer.status} ${answer.text}`);
          }
        }
      }
      assert.deepEqual(mismatches, []);
      assert.ok(rows >= API_ENDPOINTS.length * callers.length, `${rows} rows`);
    });
  });
}
