import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { Catalog } from "../../shared/catalog.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { apiRequest } from "./api.ts";

/** Fetches the catalog and derives the avenue layout with the same function the server uses. */
export async function reloadCatalog(): Promise<void> {
  const catalog = await apiRequest("/api/catalog", Catalog);
  useWorldStore.getState().setCatalog(catalog, layoutAvenue(catalog.brands.map((b) => b.id)));
}
