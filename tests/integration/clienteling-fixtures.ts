/**
 * Set-up for the clienteling tests: two maisons (each with an owner, two advisors and a
 * merchandiser, a ring and a watch) and a few clients, all named with a prefix so that the tests of
 * one file can share a database without seeing each other's rows.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { setConsent } from "../../server/clienteling/consent.ts";
import type { Db } from "../../server/db/database.ts";
import * as schema from "../../server/db/schema.ts";
import { brandStaff, brands, products, users } from "../../server/db/schema.ts";
import type { Clock } from "../../server/drops/clock.ts";
import type { ConsentChannel, ConsentPurpose } from "../../shared/clienteling/consent.ts";

export type Maison = {
  brandId: string;
  ownerId: string;
  advisorIds: [string, string];
  merchandiserId: string;
  ringId: string;
  watchId: string;
};

export type World = { a: Maison; b: Maison; clients: string[] };

async function user(db: Db, id: string, name = id): Promise<string> {
  await db.insert(users).values({ id, email: `${id}@example.test`, passwordHash: "-", displayName: name });
  return id;
}

async function maison(db: Db, prefix: string, key: string, position: number): Promise<Maison> {
  const brandId = `${prefix}-${key}`;
  await db.insert(brands).values({
    id: brandId,
    name: `Maison ${key.toUpperCase()} ${prefix}`,
    tagline: { en: "Quiet things" },
    facade: { style: "classic", wall: "#e8e0d4", trim: "#b8a070", light: "#ffd9a0" },
    position,
  });
  const colors = { primary: "#d4af37", secondary: "#ffffff", accent: "#222222" };
  const ringId = `${brandId}-ring`;
  const watchId = `${brandId}-watch`;
  await db.insert(products).values([
    {
      id: ringId,
      brandId,
      name: { en: `Ring ${key}`, fr: `Bague ${key}` },
      description: { en: "A ring." },
      priceMinor: 480_000,
      currency: "EUR",
      model: { kind: "procedural", shape: "ring", colors, displayHeight: 0.25 },
      position: 0,
    },
    {
      id: watchId,
      brandId,
      name: { en: `Watch ${key}`, fr: `Montre ${key}` },
      description: { en: "A watch." },
      priceMinor: 1_250_000,
      currency: "CHF",
      model: { kind: "procedural", shape: "watch", colors, displayHeight: 0.3 },
      position: 1,
    },
  ]);
  const ownerId = await user(db, `${brandId}-owner`, `Owner ${key}`);
  const advisorIds: [string, string] = [
    await user(db, `${brandId}-adv1`, `Advisor ${key}1`),
    await user(db, `${brandId}-adv2`, `Advisor ${key}2`),
  ];
  const merchandiserId = await user(db, `${brandId}-merch`);
  await db.insert(brandStaff).values([
    { userId: ownerId, brandId, role: "owner" },
    { userId: advisorIds[0], brandId, role: "advisor" },
    { userId: advisorIds[1], brandId, role: "advisor" },
    { userId: merchandiserId, brandId, role: "merchandiser" },
  ]);
  return { brandId, ownerId, advisorIds, merchandiserId, ringId, watchId };
}

/** Two maisons and `clients` shoppers (`<prefix>-client-0`…). */
export async function createWorld(db: Db, prefix: string, clients = 3): Promise<World> {
  const a = await maison(db, prefix, "a", 0);
  const b = await maison(db, prefix, "b", 1);
  const ids: string[] = [];
  for (let i = 0; i < clients; i++) ids.push(await user(db, `${prefix}-client-${i}`, `Client ${i}`));
  return { a, b, clients: ids };
}

/** The client opts in to a brand for these purposes on these channels (from the boutique). */
export async function optIn(
  db: Db,
  clock: Clock,
  brandId: string,
  clientId: string,
  purposes: ConsentPurpose[] = ["appointments", "new_pieces", "events"],
  channels: ConsentChannel[] = ["in_app", "email"],
) {
  const changes = purposes.flatMap((purpose) =>
    channels.map((channel) => ({ purpose, channel, granted: true })),
  );
  return setConsent(db, { clientId, brandId, body: { source: "boutique", changes } }, clock);
}

/**
 * Independent pools on PostgreSQL (as several processes would have), so transactions really
 * interleave; the one PGlite handle otherwise (it runs transactions one at a time).
 */
export function connections(
  database: { db: Db; url?: string },
  count = 2,
): { dbs: Db[]; close(): Promise<void> } {
  if (!database.url) return { dbs: [database.db], close: async () => {} };
  const pools = Array.from({ length: count }, () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    // Dropping the test database ends idle connections; that is expected, not a failure.
    pool.on("error", () => {});
    return pool;
  });
  return {
    dbs: pools.map((pool) => drizzle({ client: pool, schema }) as unknown as Db),
    close: async () => {
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}
