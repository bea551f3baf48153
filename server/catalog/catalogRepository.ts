/** The catalog in the database: read (brands in avenue order, each with its products), and added to. */
import { asc } from "drizzle-orm";
import type { BrandWithProducts, Catalog, Product } from "../../shared/catalog.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands, products } from "../db/schema.ts";

/**
 * The whole catalog, ordered by brand position then product position (ids break ties so the order
 * is stable). Two queries whatever the size. The shape is that of the shared `Catalog` schema; the
 * values were validated when written (seed, brand portal), so they are not parsed again here.
 */
export async function getCatalog(database: DbLike): Promise<Catalog> {
  const db = drizzleOf(database);
  const [brandRows, productRows] = await Promise.all([
    db.select().from(brands).orderBy(asc(brands.position), asc(brands.id)),
    db.select().from(products).orderBy(asc(products.brandId), asc(products.position), asc(products.id)),
  ]);

  const productsByBrand = new Map<string, Product[]>();
  for (const row of productRows) {
    const list = productsByBrand.get(row.brandId) ?? [];
    list.push({
      id: row.id,
      brandId: row.brandId,
      name: row.name,
      description: row.description,
      price: { amountMinor: row.priceMinor, currency: row.currency },
      model: row.model,
      // Only set once a brand has published a placement: seed products keep their plain shape.
      ...(row.slot === null ? {} : { slot: row.slot }),
    });
    productsByBrand.set(row.brandId, list);
  }

  const catalogBrands: BrandWithProducts[] = brandRows.map((row) => ({
    id: row.id,
    name: row.name,
    tagline: row.tagline,
    facade: row.facade,
    products: productsByBrand.get(row.id) ?? [],
  }));
  return { brands: catalogBrands };
}

/**
 * Adds brands and their products to the avenue, in the order given (a brand's place on the avenue
 * and a product's in its boutique are their index). Brands and products that exist are left as
 * they are, so a newer demo seed adds what is new without overwriting what brands edited since.
 */
export async function addBrandsIfAbsent(database: DbLike, catalog: BrandWithProducts[]): Promise<void> {
  if (catalog.length === 0) return;
  const db = drizzleOf(database);
  await db
    .insert(brands)
    .values(
      catalog.map((brand, position) => ({
        id: brand.id,
        name: brand.name,
        tagline: brand.tagline,
        facade: brand.facade,
        position,
      })),
    )
    .onConflictDoNothing();
  const productRows = catalog.flatMap((brand) =>
    brand.products.map((product, position) => ({
      id: product.id,
      brandId: brand.id,
      name: product.name,
      description: product.description,
      priceMinor: product.price.amountMinor,
      currency: product.price.currency,
      model: product.model,
      position,
    })),
  );
  if (productRows.length > 0) await db.insert(products).values(productRows).onConflictDoNothing();
}
