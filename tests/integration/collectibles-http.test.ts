/**
 * Collectibles over HTTP on a real server with the demo seed: the demo VIP's pass collectible, grants
 * through a real drop claim and confirmation, through issuing a pass and by email; who may create and
 * grant; every sale or transfer path refused; certificates, their keys and the verify route; exports;
 * hiding, vitrines and their links.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { unzipSync } from "fflate";
import { parseVerificationKeys, verifyCertificateFile } from "../../server/collectibles/certificates.ts";
import {
  BrandCollectiblesAnswer,
  Certificate,
  CollectibleView,
  GrantCollectibleAnswer,
  MyCollectiblesAnswer,
  OwnedCopy,
  VerifyResult,
  VitrineShareAnswer,
  VitrineView,
} from "../../shared/collectibles.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { cookieFor, staffCookie } from "./models-fixtures.ts";

const DEMO = {
  vip: "vip@vitrine.demo",
  shopper: "shopper@vitrine.demo",
  owner: "owner.aubrelle@vitrine.demo",
  merchBrevanne: "merch.brevanne@vitrine.demo",
  advisorNerolie: "advisor.nerolie@vitrine.demo",
  admin: "admin@vitrine.demo",
};
const PASS_COLLECTIBLE = "cercle-vitrine-gousset";
const DROP_COLLECTIBLE = "aubrelle-etoile-keepsake";
const DEMO_DROP = "aubrelle-etoile-edition";
const AUBRELLE_MODEL = "seed-model-aubrelle-etoile";
const NOT_TRANSFERABLE = "collectible_not_transferable";

for (const target of databaseTargets()) {
  describe(`collectibles over HTTP (demo seed, ${target.name})`, { skip: target.skip }, () => {
    let server: TestServer;
    let postgres: TestDatabase | undefined;
    const cookies: Record<string, string> = {};

    before(async () => {
      // On PostgreSQL the server gets a fresh database of its own (created, migrated, dropped after).
      if (target.name === "postgres") postgres = await target.open();
      server = await startTestServer(postgres?.url ? { DATABASE_URL: postgres.url } : {});
      for (const [who, email] of Object.entries(DEMO)) cookies[who] = await cookieFor(server.database, email);
      cookies.advisorAubrelle = await staffCookie(server.database, "aubrelle", "advisor", "aubrelle-advisor");
      cookies.fan = await staffCookie(server.database, "nerolie", "owner", "nerolie-owner");
    });
    after(async () => {
      await server?.stop();
      await postgres?.close();
    });

    async function call(who: string | null, method: string, path: string, body?: unknown) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(who ? { cookie: cookies[who] ?? "" } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text, headers: res.headers };
    }

    async function bytes(who: string, path: string) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] ?? "" } });
      return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
    }

    function refused(answer: { status: number; json: unknown }, status: number, code: string): string {
      const body = ApiErrorBody.parse(answer.json);
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.equal(body.error.code, code, JSON.stringify(body));
      return body.error.message;
    }

    const mine = async (who: string) =>
      MyCollectiblesAnswer.parse((await call(who, "GET", "/api/collectibles/mine")).json).copies;
    const keysFile = async () => (await call(null, "GET", "/.well-known/vitrine-certificate-keys.json")).text;

    test("the platform's key is published as a JWKS at the well-known address", async () => {
      const answer = await call(null, "GET", "/.well-known/vitrine-certificate-keys.json");
      assert.equal(answer.status, 200);
      const jwks = answer.json as { keys: Record<string, string>[] };
      assert.equal(jwks.keys.length, 1);
      const [key] = jwks.keys;
      assert.deepEqual(Object.keys(key ?? {}).sort(), ["alg", "crv", "kid", "kty", "use", "x"]);
      assert.equal(key?.kty, "OKP");
      assert.equal(key?.crv, "Ed25519");
      assert.equal(key?.alg, "EdDSA");
      assert.equal(key?.use, "sig");
      const legacy = (await call(null, "GET", "/api/passes/public-key")).json as { x: string; kid: string };
      assert.equal(key?.x, legacy.x, "the same key as server/keys");
      assert.equal(key?.kid, legacy.kid);
    });

    test("the demo VIP owns #1 of the Cercle Vitrine collectible, with a certificate that verifies", async () => {
      const copies = await mine("vip");
      const copy = copies.find((c) => c.collectible.id === PASS_COLLECTIBLE);
      assert.ok(copy, JSON.stringify(copies));
      assert.equal(copy.edition, 1);
      assert.equal(copy.grantReason, "pass_holder");
      assert.equal(copy.collectible.obtainedBy, "pass");
      assert.equal(copy.collectible.sourceId, "cercle-vitrine");
      assert.deepEqual(Object.keys(copy.collectible.name).sort(), ["de", "en", "fr", "zh-CN"]);
      assert.equal(copy.certificateUrl, `/api/certificates/${copy.id}`);

      const certificate = Certificate.parse((await call(null, "GET", copy.certificateUrl)).json);
      assert.equal(certificate.statement.edition, 1);
      assert.equal(certificate.statement.editionSize, 100);
      assert.equal(certificate.statement.modelSha256, copy.collectible.modelSha256);
      assert.match(certificate.statement.owner, /^own_[0-9a-f]{24}$/);
      const text = JSON.stringify(certificate);
      assert.ok(!text.includes("vip@vitrine.demo") && !text.includes("@"), "no email in a certificate");
      const verdict = VerifyResult.parse(
        (await call(null, "POST", "/api/certificates/verify", certificate)).json,
      );
      assert.equal(verdict.valid, true, verdict.reason);

      refused(await call(null, "GET", "/api/certificates/no-such-certificate"), 404, "not_found");
    });

    test("claiming in the demo drop and confirming grants the Étoile keepsake, once", async () => {
      const claim = await fetch(`${server.url}/api/drops/${DEMO_DROP}/claims`, {
        method: "POST",
        headers: { cookie: cookies.vip ?? "", "Idempotency-Key": "collectible-test-claim-1" },
      });
      assert.equal(claim.status, 201);
      const held = (await claim.json()) as { outcome: string; claim: { id: string } };
      assert.equal(held.outcome, "held");
      assert.equal(
        (await mine("vip")).some((c) => c.collectible.id === DROP_COLLECTIBLE),
        false,
        "not before confirming",
      );

      for (let i = 0; i < 2; i++) {
        const confirmed = await call(
          "vip",
          "POST",
          `/api/drops/${DEMO_DROP}/claims/${held.claim.id}/confirm`,
        );
        assert.equal(confirmed.status, 200, confirmed.text);
      }
      const copies = (await mine("vip")).filter((c) => c.collectible.id === DROP_COLLECTIBLE);
      assert.equal(copies.length, 1);
      assert.equal(copies[0]?.edition, 1);
      assert.equal(copies[0]?.grantReason, "drop_claim");
      assert.equal(copies[0]?.collectible.editionSize, 250);
      assert.equal(copies[0]?.collectible.issued, 1);
    });

    test("issuing a pass grants the programme's collectible with the next edition", async () => {
      const issued = await call("admin", "POST", "/api/pass-types/cercle-vitrine/passes", {
        email: DEMO.shopper,
      });
      assert.equal(issued.status, 201, issued.text);
      const copy = (await mine("shopper")).find((c) => c.collectible.id === PASS_COLLECTIBLE);
      assert.equal(copy?.edition, 2);
      assert.equal(copy?.grantReason, "pass_holder");
    });

    test("creating a pass collectible grants it to the programme's current holders", async () => {
      const programme = await call("owner", "POST", "/api/pass-types", {
        brandId: "aubrelle",
        name: { en: "Salon Aubrelle" },
        tier: "Rose",
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        entitlements: {
          earlyAccessLeadMinutes: 0,
          inviteOnlyEvents: false,
          perDropClaimLimit: null,
          passOnlyCollectibleIds: [],
        },
      });
      assert.equal(programme.status, 201, programme.text);
      const passTypeId = (programme.json as { id: string }).id;
      assert.equal(
        (await call("owner", "POST", `/api/pass-types/${passTypeId}/passes`, { email: DEMO.shopper })).status,
        201,
      );
      const created = await call("owner", "POST", "/api/brands/aubrelle/collectibles", {
        modelId: AUBRELLE_MODEL,
        name: { en: "Salon star" },
        story: { en: "For the salon." },
        editionSize: 10,
        obtainedBy: "pass",
        sourceId: passTypeId,
      });
      assert.equal(created.status, 201, created.text);
      const view = CollectibleView.parse(created.json);
      assert.equal(view.issued, 1);
      const copy = (await mine("shopper")).find((c) => c.collectible.id === view.id);
      assert.equal(copy?.edition, 1);
      // Someone issued a pass afterwards gets the next one.
      assert.equal(
        (await call("owner", "POST", `/api/pass-types/${passTypeId}/passes`, { email: DEMO.vip })).status,
        201,
      );
      assert.equal((await mine("vip")).find((c) => c.collectible.id === view.id)?.edition, 2);
    });

    test("creating: brand owners, merchandisers and admins; checked model, source and keys; no price", async () => {
      const body = {
        modelId: AUBRELLE_MODEL,
        name: { en: "Nuit keepsake", fr: "Souvenir Nuit", de: "Andenken Nacht", "zh-CN": "夜之纪念" },
        story: { en: "Given at the Nuit de Paris evening." },
        editionSize: 3,
        obtainedBy: "event",
        sourceId: "nuit-de-paris-2026",
      };
      refused(await call(null, "POST", "/api/brands/aubrelle/collectibles", body), 401, "unauthenticated");
      for (const who of ["shopper", "advisorAubrelle", "merchBrevanne", "fan"]) {
        refused(await call(who, "POST", "/api/brands/aubrelle/collectibles", body), 403, "forbidden");
      }
      const created = await call("owner", "POST", "/api/brands/aubrelle/collectibles", {
        ...body,
        id: "aubrelle-nuit-keepsake",
      });
      assert.equal(created.status, 201, created.text);
      const view = CollectibleView.parse(created.json);
      assert.equal(view.id, "aubrelle-nuit-keepsake");
      assert.equal(view.issued, 0);
      assert.equal(view.modelUrl, `/blobs/${view.modelSha256}.glb`);
      const byAdmin = await call("admin", "POST", "/api/brands/aubrelle/collectibles", {
        ...body,
        editionSize: 1,
      });
      assert.equal(byAdmin.status, 201, byAdmin.text);
      assert.match(CollectibleView.parse(byAdmin.json).id, /^nuit-keepsake-[0-9a-f]{6}$/);

      // No price, under any name.
      for (const key of ["price", "priceMinor", "currency"]) {
        const message = refused(
          await call("owner", "POST", "/api/brands/aubrelle/collectibles", { ...body, [key]: 100 }),
          400,
          "validation_failed",
        );
        assert.match(message, new RegExp(`"${key}"`));
        assert.match(message, /no price/);
      }
      assert.match(
        refused(
          await call("owner", "POST", "/api/brands/aubrelle/collectibles", { ...body, colour: "red" }),
          400,
          "validation_failed",
        ),
        /"colour"/,
      );
      const cases: [Record<string, unknown>, number, string, RegExp][] = [
        [
          { modelId: "seed-model-brevanne-gousset" },
          400,
          "validation_failed",
          /not one of brand aubrelle's processed models/,
        ],
        [{ editionSize: 0 }, 400, "validation_failed", /editionSize/],
        [{ editionSize: 100_001 }, 400, "validation_failed", /editionSize/],
        [{ obtainedBy: "drop", sourceId: undefined }, 400, "validation_failed", /sourceId/],
        [
          { obtainedBy: "drop", sourceId: "brevanne-gousset-draw" },
          400,
          "validation_failed",
          /no drop brevanne-gousset-draw/,
        ],
        [{ obtainedBy: "drop", sourceId: DEMO_DROP }, 409, "conflict", /already grants/],
        [
          { obtainedBy: "pass", sourceId: "cercle-vitrine" },
          400,
          "validation_failed",
          /platform programmes: admins only/,
        ],
        [{ id: "aubrelle-nuit-keepsake" }, 409, "conflict", /already exists/],
        [{ name: { en: "x", es: "y" } }, 400, "validation_failed", /Languages/],
      ];
      for (const [change, status, code, pattern] of cases) {
        assert.match(
          refused(
            await call("owner", "POST", "/api/brands/aubrelle/collectibles", { ...body, ...change }),
            status,
            code,
          ),
          pattern,
          JSON.stringify(change),
        );
      }

      // Listing: the brand's staff (advisors too) and admins; nobody else.
      for (const who of ["owner", "advisorAubrelle", "admin"]) {
        const list = BrandCollectiblesAnswer.parse(
          (await call(who, "GET", "/api/brands/aubrelle/collectibles")).json,
        );
        assert.ok(list.collectibles.some((c) => c.id === "aubrelle-nuit-keepsake"));
        assert.ok(list.collectibles.every((c) => c.brandId === "aubrelle"));
      }
      for (const who of ["shopper", "merchBrevanne"])
        refused(await call(who, "GET", "/api/brands/aubrelle/collectibles"), 403, "forbidden");
    });

    test("grants by email: staff of the brand only; unknown emails, owners and a running-out edition reported", async () => {
      const created = await call("owner", "POST", "/api/brands/aubrelle/collectibles", {
        id: "aubrelle-vernissage",
        modelId: AUBRELLE_MODEL,
        name: { en: "Vernissage star" },
        story: { en: "For those who came." },
        editionSize: 2,
        obtainedBy: "event",
        sourceId: "vernissage",
      });
      assert.equal(created.status, 201, created.text);
      const path = "/api/collectibles/aubrelle-vernissage/grants";
      const body = {
        emails: [DEMO.shopper, "nobody@example.test"],
        reason: "event_attendance",
        eventId: "vernissage",
      };
      refused(await call(null, "POST", path, body), 401, "unauthenticated");
      for (const who of ["shopper", "advisorAubrelle", "merchBrevanne", "fan"])
        refused(await call(who, "POST", path, body), 403, "forbidden");

      const first = GrantCollectibleAnswer.parse((await call("owner", "POST", path, body)).json);
      assert.deepEqual(
        first.granted.map((g) => [g.email, g.edition]),
        [[DEMO.shopper, 1]],
      );
      assert.deepEqual(first.unknown, ["nobody@example.test"]);
      assert.equal(first.soldOut, undefined);
      const copy = (await mine("shopper")).find((c) => c.collectible.id === "aubrelle-vernissage");
      assert.equal(copy?.grantReason, "event_attendance");

      const second = GrantCollectibleAnswer.parse(
        (
          await call("admin", "POST", path, {
            emails: [DEMO.shopper.toUpperCase(), DEMO.vip, DEMO.advisorNerolie],
            reason: "manual",
          })
        ).json,
      );
      assert.deepEqual(
        second.alreadyOwned.map((g) => [g.email, g.edition]),
        [[DEMO.shopper, 1]],
      );
      assert.deepEqual(
        second.granted.map((g) => [g.email, g.edition]),
        [[DEMO.vip, 2]],
      );
      assert.equal(second.soldOut, true);
      assert.deepEqual(second.notGranted, [DEMO.advisorNerolie]);

      refused(await call("owner", "POST", path, { emails: [], reason: "manual" }), 400, "validation_failed");
      refused(
        await call("owner", "POST", path, { emails: ["not-an-email"], reason: "manual" }),
        400,
        "validation_failed",
      );
      refused(
        await call("owner", "POST", path, { emails: [DEMO.vip], reason: "sale" }),
        400,
        "validation_failed",
      );
      refused(await call("owner", "POST", "/api/collectibles/no-such/grants", body), 404, "not_found");
    });

    test("every sale or transfer path is refused with collectible_not_transferable", async () => {
      const [copy] = (await mine("vip")) as [OwnedCopy];
      const other = (await mine("shopper"))[0] as OwnedCopy;
      const base = `/api/collectibles/mine/${copy.id}`;
      const paths: [string, string | null, string, string, unknown][] = [
        ["transfer a copy", "vip", "POST", `${base}/transfer`, { email: DEMO.shopper }],
        ["gift a copy", "vip", "POST", `${base}/gift`, { email: DEMO.shopper }],
        ["sell a copy", "vip", "POST", `${base}/sell`, { amountMinor: 1000 }],
        ["list a copy for sale", "vip", "POST", `${base}/list`, {}],
        ["make an offer", "shopper", "POST", `${base}/offer`, { amountMinor: 1 }],
        ["buy a copy", "shopper", "POST", `${base}/buy`, undefined],
        ["replace a copy", "vip", "PUT", base, { ownerId: "x" }],
        ["PATCH ownerId", "vip", "PATCH", base, { ownerId: "someone" }],
        ["PATCH owner", "vip", "PATCH", base, { owner: DEMO.shopper }],
        ["PATCH price", "vip", "PATCH", base, { price: 100 }],
        ["PATCH hidden and price", "vip", "PATCH", base, { hidden: true, priceMinor: 100 }],
        ["buy a collectible", "shopper", "POST", `/api/collectibles/${PASS_COLLECTIBLE}/buy`, {}],
        [
          "grant a copy someone owns",
          "merchBrevanne",
          "POST",
          `/api/collectibles/${PASS_COLLECTIBLE}/grants`,
          { copyId: other.id, emails: [DEMO.vip], reason: "manual" },
        ],
        [
          "grant from an owner",
          "admin",
          "POST",
          `/api/collectibles/${PASS_COLLECTIBLE}/grants`,
          { fromUserId: "x", emails: [DEMO.vip], reason: "manual" },
        ],
        [
          "schedule a drop of a collectible",
          "owner",
          "POST",
          "/api/brands/aubrelle/drops",
          {
            productId: DROP_COLLECTIBLE,
            title: { en: "Étoile keepsakes for sale" },
            mode: "fcfs",
            stock: 5,
            perAccountLimit: 1,
            announceAt: new Date().toISOString(),
            earlyAccessStartsAt: new Date().toISOString(),
            publicStartsAt: new Date().toISOString(),
            endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        ],
      ];
      for (const [what, who, method, path, body] of paths) {
        const message = refused(await call(who, method, path, body), 403, NOT_TRANSFERABLE);
        assert.match(message, /cannot be sold or transferred/, what);
      }
      // Nothing moved.
      assert.equal((await mine("vip")).find((c) => c.id === copy.id)?.edition, copy.edition);
      assert.equal((await mine("shopper")).find((c) => c.id === other.id)?.id, other.id);
      // No answer about collectibles carries a price anywhere.
      const answers = [
        await call("vip", "GET", "/api/collectibles/mine"),
        await call("owner", "GET", "/api/brands/aubrelle/collectibles"),
        await call(null, "GET", `/api/certificates/${copy.id}`),
        await call("vip", "GET", "/api/vitrines/mine"),
      ];
      for (const answer of answers) assert.doesNotMatch(answer.text, /price|amountMinor|currency/i);
    });

    test("certificate files: canonical, verifiable offline with the JWKS, and any changed byte fails (API sample)", async () => {
      const copy = (await mine("vip")).find((c) => c.collectible.id === PASS_COLLECTIBLE) as OwnedCopy;
      const file = await bytes("vip", `/api/collectibles/mine/${copy.id}/certificate.json`);
      assert.equal(file.status, 200);
      assert.match(
        file.headers.get("content-disposition") ?? "",
        /attachment; filename="?cercle-vitrine-gousset-no-1-of-100-certificate\.json/,
      );
      const keys = parseVerificationKeys(await keysFile());
      assert.deepEqual(verifyCertificateFile(file.body, keys), {
        valid: true,
        statement: Certificate.parse(JSON.parse(new TextDecoder().decode(file.body))).statement,
      });
      const viaApi = await call(null, "GET", `/api/certificates/${copy.id}`);
      assert.deepEqual(JSON.parse(new TextDecoder().decode(file.body)), viaApi.json);

      // ~50 positions spread over the whole file, each changed and sent to the verify route.
      const positions = Array.from({ length: 50 }, (_, i) => Math.floor((i * (file.body.length - 1)) / 49));
      for (const position of positions) {
        const changed = file.body.slice();
        changed[position] = (changed[position] as number) ^ 0x01;
        const res = await fetch(`${server.url}/api/certificates/verify`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: changed,
        });
        const answer = await res.json();
        if (res.status === 400) {
          assert.equal(ApiErrorBody.parse(answer).error.code, "bad_request", `byte ${position}`);
        } else {
          assert.equal(res.status, 200);
          const verdict = VerifyResult.parse(answer);
          assert.equal(verdict.valid, false, `byte ${position} still verified`);
          assert.ok((verdict.reason ?? "").length > 5);
        }
      }
      const untouched = await fetch(`${server.url}/api/certificates/verify`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file.body,
      });
      assert.equal(VerifyResult.parse(await untouched.json()).valid, true);

      // Any JSON gets a reason; only non-JSON is a 400.
      assert.match(
        VerifyResult.parse((await call(null, "POST", "/api/certificates/verify", { hello: 1 })).json)
          .reason ?? "",
        /^not a certificate/,
      );
      assert.match(
        VerifyResult.parse((await call(null, "POST", "/api/certificates/verify", [1, 2])).json).reason ?? "",
        /^not a certificate/,
      );
      refused(await call(null, "POST", "/api/certificates/verify", "{not json"), 400, "bad_request");
    });

    test("export: the .glb is a valid glTF 2 binary with the certified sha256, the zip holds both", async () => {
      const copy = (await mine("vip")).find((c) => c.collectible.id === DROP_COLLECTIBLE) as OwnedCopy;
      const certificate = Certificate.parse((await call(null, "GET", copy.certificateUrl)).json);
      const glb = await bytes("vip", `/api/collectibles/mine/${copy.id}/model.glb`);
      assert.equal(glb.status, 200);
      assert.match(
        glb.headers.get("content-disposition") ?? "",
        /attachment; filename="?aubrelle-etoile-keepsake-no-1-of-250\.glb/,
      );
      const view = new DataView(glb.body.buffer, glb.body.byteOffset, glb.body.byteLength);
      assert.equal(new TextDecoder().decode(glb.body.subarray(0, 4)), "glTF");
      assert.equal(view.getUint32(4, true), 2);
      assert.equal(view.getUint32(8, true), glb.body.byteLength);
      assert.equal(createHash("sha256").update(glb.body).digest("hex"), certificate.statement.modelSha256);
      // The same bytes as the avenue's blob.
      const blob = new Uint8Array(
        await (await fetch(`${server.url}${copy.collectible.modelUrl}`)).arrayBuffer(),
      );
      assert.deepEqual(blob, glb.body);

      const zip = await bytes("vip", copy.exportUrl);
      assert.equal(zip.status, 200);
      assert.equal(zip.headers.get("content-type"), "application/zip");
      const files = unzipSync(zip.body);
      assert.deepEqual(Object.keys(files).sort(), ["README.txt", "certificate.json", "model.glb"]);
      assert.deepEqual(files["model.glb"], glb.body);
      const keys = parseVerificationKeys(await keysFile());
      assert.equal(verifyCertificateFile(files["certificate.json"] as Uint8Array, keys).valid, true);

      // Someone else's copy is not there for them.
      for (const suffix of ["model.glb", "certificate.json", "export.zip"]) {
        refused(
          await call("shopper", "GET", `/api/collectibles/mine/${copy.id}/${suffix}`),
          404,
          "not_found",
        );
      }
      refused(await call(null, "GET", copy.exportUrl), 401, "unauthenticated");
    });

    test("hiding a copy takes it out of the vitrine; links open it until rotated", async () => {
      refused(await call(null, "GET", "/api/vitrine/share"), 401, "unauthenticated");
      const share = VitrineShareAnswer.parse((await call("vip", "GET", "/api/vitrine/share")).json);
      assert.equal(share.path, `/vitrine/${share.token}`);
      assert.deepEqual(
        VitrineShareAnswer.parse((await call("vip", "GET", "/api/vitrine/share")).json),
        share,
      );

      const own = VitrineView.parse((await call("vip", "GET", "/api/vitrines/mine")).json);
      const visited = VitrineView.parse((await call(null, "GET", `/api/vitrines/${share.token}`)).json);
      assert.deepEqual(visited, own);
      assert.equal(own.ownerName, "Inès Valmont");
      assert.ok(own.copies.length >= 3);
      assert.doesNotMatch(JSON.stringify(visited), /vip@|ownerId/);
      const target = own.copies[0] as VitrineView["copies"][number];

      const hidden = OwnedCopy.parse(
        (await call("vip", "PATCH", `/api/collectibles/mine/${target.id}`, { hidden: true })).json,
      );
      assert.equal(hidden.hidden, true);
      const after = VitrineView.parse((await call(null, "GET", `/api/vitrines/${share.token}`)).json);
      assert.deepEqual(
        after.copies.map((c) => c.id),
        own.copies.slice(1).map((c) => c.id),
      );
      assert.equal((await mine("vip")).find((c) => c.id === target.id)?.hidden, true, "still owned");
      assert.equal(
        Certificate.parse((await call(null, "GET", `/api/certificates/${target.id}`)).json).statement
          .certificateId,
        target.id,
      );
      OwnedCopy.parse(
        (await call("vip", "PATCH", `/api/collectibles/mine/${target.id}`, { hidden: false })).json,
      );
      assert.equal(
        VitrineView.parse((await call(null, "GET", `/api/vitrines/${share.token}`)).json).copies.length,
        own.copies.length,
      );

      refused(
        await call("vip", "PATCH", `/api/collectibles/mine/${target.id}`, {}),
        400,
        "validation_failed",
      );
      refused(
        await call("vip", "PATCH", `/api/collectibles/mine/${target.id}`, { hidden: "yes" }),
        400,
        "validation_failed",
      );
      refused(
        await call("shopper", "PATCH", `/api/collectibles/mine/${target.id}`, { hidden: true }),
        404,
        "not_found",
      );

      const rotated = VitrineShareAnswer.parse((await call("vip", "POST", "/api/vitrine/share/rotate")).json);
      assert.notEqual(rotated.token, share.token);
      refused(await call(null, "GET", `/api/vitrines/${share.token}`), 404, "not_found");
      assert.equal(
        VitrineView.parse((await call(null, "GET", `/api/vitrines/${rotated.token}`)).json).ownerName,
        "Inès Valmont",
      );
      refused(await call(null, "GET", "/api/vitrines/short"), 404, "not_found");
    });
  });
}
