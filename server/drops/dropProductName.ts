/** The name of a drop's product, for what the host says about it on the drop's stage. */
import { eq } from "drizzle-orm";
import type { LocalizedText } from "../../shared/catalog.ts";
import type { DropHostDrop } from "../../shared/host/dropHost.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { products } from "../db/schema.ts";

type ProductName = DropHostDrop["productName"];

/** The product's name in every language it has; the drop's title if the product is gone. */
export async function dropProductName(
  database: DbLike,
  productId: string,
  title: LocalizedText,
): Promise<ProductName> {
  const [row] = await drizzleOf(database)
    .select({ name: products.name })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  const name = row?.name as Partial<ProductName> | undefined;
  return name?.en ? { ...name, en: name.en } : title;
}
