/**
 * The demo collectibles seed: models through the real pipeline into the blob store, the two
 * collectibles, the VIP's #1; applied once per version, also when two processes start at once.
 */
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { loadSeedFile, seedDemoContent } from "../../server/catalog/seed.ts";
import { loadSeedCollectibles, seedDemoCollectibles } from "../../server/catalog/seedCollectibles.ts";
import { keyIdOf, verifyCertificate } from "../../server/collectibles/certificates.ts";
import { openDatabase } from "../../server/db/database.ts";
import { brandModels, collectibleCopies, collectibles, users } from "../../server/db/schema.ts";
import { createFileBlobStore, sha256Hex } from "../../server/models/blobStore.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DEMO_SEED = path.join(ROOT, "assets/seed/demo.json");

for (const target of databaseTargets()) {
  describe(`demo collectibles seed on ${target.name}`, { skip: target.skip }, () => {
    test("seeds processed models, both collectibles and the VIP's #1, once", async () => {
      await withDatabase(target, async (database) => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-seed-coll-"));
        try {
          const now = new Date();
          await seedDemoContent(database, await loadSeedFile(DEMO_SEED), now);
          const seed = await loadSeedCollectibles(DEMO_SEED);
          assert.ok(seed);
          const { privateKey, publicKey } = generateKeyPairSync("ed25519");
          const keyId = keyIdOf(publicKey);
          const blobStore = createFileBlobStore(dataDir);
          const deps = {
            blobStore,
            signer: { privateKey, keyId },
            rootDir: ROOT,
          };

          // Two starts at once (on PostgreSQL a second pool, as a second process would be): one seeds.
          const second =
            target.name === "postgres"
              ? await openDatabase({ databaseUrl: database.url, dataDir })
              : database;
          try {
            const applied = await Promise.all([
              seedDemoCollectibles(database, seed, deps, now),
              seedDemoCollectibles(second, seed, deps, now),
            ]);
            assert.deepEqual(applied.filter(Boolean).length, 1);
          } finally {
            if (second !== database) await second.close();
          }
          assert.equal(await seedDemoCollectibles(database, seed, deps, now), false);

          // Another process with a data folder of its own: the seed is applied, its blobs made again.
          const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-seed-other-"));
          try {
            const otherStore = createFileBlobStore(otherDir);
            assert.equal(
              await seedDemoCollectibles(database, seed, { ...deps, blobStore: otherStore }, now),
              false,
            );
            const recorded = await database.db.select().from(brandModels);
            for (const model of recorded) {
              for (const sha256 of [model.originalSha256, model.optimizedSha256, model.lodSha256]) {
                const blob = await otherStore.open(sha256);
                assert.ok(blob, `${model.id}: ${sha256} restored`);
                blob.stream.on("error", () => {}).destroy();
              }
            }
          } finally {
            fs.rmSync(otherDir, { recursive: true, force: true });
          }

          const rows = await database.db.select().from(collectibles).orderBy(collectibles.id);
          assert.deepEqual(
            rows.map((r) => [r.id, r.brandId, r.editionSize, r.obtainedBy, r.sourceId]),
            [
              ["aubrelle-etoile-keepsake", "aubrelle", 250, "drop", "aubrelle-etoile-edition"],
              ["cercle-vitrine-gousset", "brevanne", 100, "pass", "cercle-vitrine"],
            ],
          );
          for (const row of rows) {
            assert.deepEqual(Object.keys(row.name).sort(), ["de", "en", "fr", "zh-CN"]);
            assert.deepEqual(Object.keys(row.story).sort(), ["de", "en", "fr", "zh-CN"]);
            const [model] = await database.db
              .select()
              .from(brandModels)
              .where(eq(brandModels.id, row.modelId));
            assert.equal(model?.brandId, row.brandId);
            assert.equal(model?.optimizedSha256, row.modelSha256);
            // The certified file is in the blob store, as a glTF 2 binary with that hash.
            const blob = await blobStore.open(row.modelSha256);
            assert.ok(blob);
            const chunks: Buffer[] = [];
            for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
            const bytes = new Uint8Array(Buffer.concat(chunks));
            assert.equal(sha256Hex(bytes), row.modelSha256);
            assert.equal(new TextDecoder().decode(bytes.subarray(0, 4)), "glTF");
          }

          const copies = await database.db
            .select({
              edition: collectibleCopies.edition,
              email: users.email,
              certificate: collectibleCopies.certificate,
              collectibleId: collectibleCopies.collectibleId,
            })
            .from(collectibleCopies)
            .innerJoin(users, eq(users.id, collectibleCopies.ownerId));
          assert.deepEqual(
            copies.map((c) => [c.collectibleId, c.email, c.edition]),
            [["cercle-vitrine-gousset", "vip@vitrine.demo", 1]],
          );
          assert.equal(verifyCertificate(copies[0]?.certificate, [{ keyId, publicKey }]).valid, true);
        } finally {
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      });
    });
  });
}
