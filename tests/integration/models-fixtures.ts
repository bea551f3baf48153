/** Shared set-up for the brand model tests: the real models, signed-in people, uploads, leftovers. */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import type { DbLike } from "../../server/db/database.ts";
import { drizzleOf } from "../../server/db/database.ts";
import { brandModels, brandStaff, productDrafts, users } from "../../server/db/schema.ts";
import type { BrandRole } from "../../shared/auth.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import type { DatabaseTarget } from "../helpers/databases.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every real model the pipeline must accept: the repo's assets and the test fixtures. */
export const REAL_MODELS = [
  "assets/models/AntiqueWallClock.glb",
  "assets/models/IridescentDishWithOlives.glb",
  "assets/models/PottedPlant04.glb",
  "assets/models/VintagePocketWatch.glb",
  "assets/avatars/RobotExpressive.glb",
  "tests/fixtures/models/AlarmClock01.glb",
  "tests/fixtures/models/KoreanPublicPayphone01.glb",
].map((relative) => ({ name: path.basename(relative), path: path.join(ROOT, relative) }));

export const readModel = (file: string) => new Uint8Array(fs.readFileSync(file));

/** Demo accounts (README) and their brands in the demo seed. */
export const DEMO = {
  owner: { email: "owner.aubrelle@vitrine.demo", brandId: "aubrelle" },
  merchandiser: { email: "merch.brevanne@vitrine.demo", brandId: "brevanne" },
  advisor: { email: "advisor.nerolie@vitrine.demo", brandId: "nerolie" },
  shopper: { email: "shopper@vitrine.demo" },
  admin: { email: "admin@vitrine.demo" },
} as const;

/** A session cookie for an existing account, without the (slow) password hash check. */
export async function cookieFor(database: DbLike, email: string): Promise<string> {
  const [user] = await drizzleOf(database).select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No account ${email}`);
  return `${SESSION_COOKIE_NAME}=${(await createSession(database, user.id, 1)).token}`;
}

/** Creates an account with a role in a brand and returns its cookie. */
export async function staffCookie(
  database: DbLike,
  brandId: string,
  role: BrandRole,
  name: string,
): Promise<string> {
  const id = `test-${name}`;
  await drizzleOf(database)
    .insert(users)
    .values({ id, email: `${name}@example.test`, passwordHash: "-", displayName: name });
  await drizzleOf(database).insert(brandStaff).values({ userId: id, brandId, role });
  return `${SESSION_COOKIE_NAME}=${(await createSession(database, id, 1)).token}`;
}

export type UploadPart = { name: string; bytes: Uint8Array; type?: string };

/** POSTs files as multipart/form-data, like the portal and a brand's scripts do. */
export function uploadModel(
  baseUrl: string,
  brandId: string,
  cookie: string | null,
  parts: UploadPart[],
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const part of parts) {
    form.append(
      "file",
      new Blob([part.bytes as Uint8Array<ArrayBuffer>], { type: part.type ?? "application/octet-stream" }),
      part.name,
    );
  }
  return fetch(`${baseUrl}/api/brands/${brandId}/models`, {
    method: "POST",
    body: form,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
}

/** Sends a JSON request with a cookie. */
export function jsonRequest(
  baseUrl: string,
  method: string,
  route: string,
  cookie: string | null,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Files in DATA_DIR/blobs (and any temp file left behind in blobs-tmp). */
export function storedFiles(dataDir: string): string[] {
  const list = (dir: string) =>
    fs.existsSync(path.join(dataDir, dir))
      ? fs.readdirSync(path.join(dataDir, dir)).map((f) => `${dir}/${f}`)
      : [];
  return [...list("blobs"), ...list("blobs-tmp")];
}

/** Rows of models and drafts in the database. */
export async function modelRowCounts(database: DbLike): Promise<{ models: number; drafts: number }> {
  const db = drizzleOf(database);
  const [models] = await db.select({ n: count() }).from(brandModels);
  const [drafts] = await db.select({ n: count() }).from(productDrafts);
  return { models: Number(models?.n ?? 0), drafts: Number(drafts?.n ?? 0) };
}

/** Expects a refusal with the status and error code, and a message that says why. */
export async function expectRefused(response: Response, status: number, code: string): Promise<void> {
  const body = ApiErrorBody.parse(await response.json());
  assert.equal(response.status, status, JSON.stringify(body));
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 10);
}

export type Role = "owner" | "merchandiser" | "advisor" | "otherBrand" | "shopper" | "admin";
export type RoleCookies = Record<Role, string> & { guest: null };

/** A cookie per role towards the merchandiser's brand (brevanne), plus a guest without one. */
export async function roleCookies(database: DbLike): Promise<RoleCookies> {
  const brandId = DEMO.merchandiser.brandId;
  return {
    owner: await staffCookie(database, brandId, "owner", `${brandId}-owner`),
    merchandiser: await cookieFor(database, DEMO.merchandiser.email),
    advisor: await staffCookie(database, brandId, "advisor", `${brandId}-advisor`),
    otherBrand: await cookieFor(database, DEMO.owner.email),
    shopper: await cookieFor(database, DEMO.shopper.email),
    admin: await cookieFor(database, DEMO.admin.email),
    guest: null,
  };
}

/** A test server on the target database (a fresh PostgreSQL database for "postgres"). */
export async function startServerOn(
  target: DatabaseTarget,
  env: Record<string, string> = {},
): Promise<{ server: TestServer; stop(): Promise<void> }> {
  const database = target.name === "postgres" ? await target.open() : undefined;
  const server = await startTestServer({ ...env, ...(database?.url ? { DATABASE_URL: database.url } : {}) });
  return {
    server,
    stop: async () => {
      await server.stop();
      await database?.close();
    },
  };
}
