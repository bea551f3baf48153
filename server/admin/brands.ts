/**
 * Brands as admins run them: listed in avenue order, created at the end of the avenue, edited, and
 * their staff given, changed or relieved of a role. Every change is audited; the caller announces
 * catalog changes so the avenue redraws its façades.
 */
import { asc, count, eq, max, sql } from "drizzle-orm";
import type {
  AdminBrand,
  BrandStaffList,
  CreateBrandBody,
  EditBrandBody,
  SetStaffBody,
} from "../../shared/admin.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, brands, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { writeAdminAudit } from "./adminAudit.ts";

type BrandRow = typeof brands.$inferSelect;

function viewOf(row: BrandRow, staffCount: number): AdminBrand {
  return {
    id: row.id,
    name: row.name,
    tagline: row.tagline,
    facade: row.facade,
    position: row.position,
    staffCount,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listBrands(database: DbLike): Promise<AdminBrand[]> {
  const db = drizzleOf(database);
  const rows = await db
    .select({ brand: brands, staffCount: count(brandStaff.userId) })
    .from(brands)
    .leftJoin(brandStaff, eq(brandStaff.brandId, brands.id))
    .groupBy(brands.id)
    .orderBy(asc(brands.position), asc(brands.id));
  return rows.map((r) => viewOf(r.brand, Number(r.staffCount)));
}

async function brandView(database: DbLike, brandId: string): Promise<AdminBrand> {
  const db = drizzleOf(database);
  const [row] = await db.select().from(brands).where(eq(brands.id, brandId));
  if (!row) throw DomainError.notFound("brand", brandId);
  const [staff] = await db.select({ n: count() }).from(brandStaff).where(eq(brandStaff.brandId, brandId));
  return viewOf(row, Number(staff?.n ?? 0));
}

export async function createBrand(
  database: DbLike,
  actorId: string,
  body: CreateBrandBody,
  clock: Clock,
): Promise<AdminBrand> {
  await drizzleOf(database).transaction(async (tx) => {
    const [last] = await tx.select({ position: max(brands.position) }).from(brands);
    const now = clock.now();
    const inserted = await tx
      .insert(brands)
      .values({ ...body, position: (last?.position ?? -1) + 1, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: brands.id });
    if (inserted.length === 0)
      throw new DomainError(ErrorCode.conflict, `A brand with the id ${body.id} already exists.`, {
        reason: "id_taken",
        path: "id",
      });
    await writeAdminAudit(tx, {
      kind: "brand_created",
      actorId,
      at: now,
      details: { brandId: body.id, name: body.name },
    });
  });
  return brandView(database, body.id);
}

export async function editBrand(
  database: DbLike,
  actorId: string,
  brandId: string,
  body: EditBrandBody,
  clock: Clock,
): Promise<AdminBrand> {
  await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const changed = await tx
      .update(brands)
      .set({ ...body, updatedAt: now })
      .where(eq(brands.id, brandId))
      .returning({ id: brands.id });
    if (changed.length === 0) throw DomainError.notFound("brand", brandId);
    await writeAdminAudit(tx, {
      kind: "brand_edited",
      actorId,
      at: now,
      details: { brandId, fields: Object.keys(body).sort() },
    });
  });
  return brandView(database, brandId);
}

export async function staffOf(database: DbLike, brandId: string): Promise<BrandStaffList> {
  const db = drizzleOf(database);
  const [brand] = await db.select({ id: brands.id }).from(brands).where(eq(brands.id, brandId));
  if (!brand) throw DomainError.notFound("brand", brandId);
  const staff = await db
    .select({ userId: users.id, email: users.email, displayName: users.displayName, role: brandStaff.role })
    .from(brandStaff)
    .innerJoin(users, eq(users.id, brandStaff.userId))
    .where(eq(brandStaff.brandId, brandId))
    .orderBy(
      sql`case ${brandStaff.role} when 'owner' then 0 when 'merchandiser' then 1 else 2 end`,
      users.email,
    );
  return { brandId, staff };
}

export async function setStaff(
  database: DbLike,
  actorId: string,
  brandId: string,
  body: SetStaffBody,
  clock: Clock,
): Promise<BrandStaffList> {
  await drizzleOf(database).transaction(async (tx) => {
    const [brand] = await tx.select({ id: brands.id }).from(brands).where(eq(brands.id, brandId));
    if (!brand) throw DomainError.notFound("brand", brandId);
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, body.email));
    if (!person)
      throw new DomainError(ErrorCode.notFound, `No account uses ${body.email}; they sign up first.`, {
        reason: "person_not_found",
        path: "email",
      });
    await tx
      .insert(brandStaff)
      .values({ userId: person.id, brandId, role: body.role })
      .onConflictDoUpdate({ target: [brandStaff.userId, brandStaff.brandId], set: { role: body.role } });
    await writeAdminAudit(tx, {
      kind: "brand_staff_set",
      actorId,
      at: clock.now(),
      subjectUserId: person.id,
      details: { brandId, role: body.role },
    });
  });
  return staffOf(database, brandId);
}

export async function removeStaff(
  database: DbLike,
  actorId: string,
  brandId: string,
  userId: string,
  clock: Clock,
): Promise<BrandStaffList> {
  await drizzleOf(database).transaction(async (tx) => {
    const removed = await tx
      .delete(brandStaff)
      .where(sql`${brandStaff.brandId} = ${brandId} and ${brandStaff.userId} = ${userId}`)
      .returning({ role: brandStaff.role });
    if (removed.length === 0)
      throw new DomainError(ErrorCode.notFound, "That person holds no role in this brand.", {
        reason: "staff_not_found",
        brandId,
        userId,
      });
    await writeAdminAudit(tx, {
      kind: "brand_staff_removed",
      actorId,
      at: clock.now(),
      subjectUserId: userId,
      details: { brandId, role: removed[0]?.role },
    });
  });
  return staffOf(database, brandId);
}
