/** Product ids are slugs (see shared/catalog.ts): made from the brand and the English name. */

const MAX_SLUG = 48;

/** `"Étoile Solitaire Ring"` → `"etoile-solitaire-ring"` (ASCII letters and digits, single dashes). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A free product id for the brand: `<brand>-<name>`, cut to the slug length, with `-2`, `-3`… when
 * taken. `isTaken` looks in both the catalog and the drafts.
 */
export async function newProductId(
  brandId: string,
  englishName: string,
  isTaken: (id: string) => Promise<boolean>,
): Promise<string> {
  const name = slugify(englishName) || "product";
  const base = `${brandId}-${name}`.slice(0, MAX_SLUG).replace(/-+$/, "");
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const id = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!(await isTaken(id))) return id;
  }
  throw new Error(`No free product id for ${base}`);
}
