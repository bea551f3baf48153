import { auth } from "../../shared/api/index.ts";
import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { callApi } from "./api.ts";

/**
 * Fetches the catalog and derives the avenue layout with the same function the server uses. An
 * unchanged catalog leaves the store alone, so a precautionary reload re-renders nothing.
 */
export async function reloadCatalog(): Promise<void> {
  const catalog = await callApi(auth.catalog);
  const world = useWorldStore.getState();
  if (world.catalog && JSON.stringify(world.catalog) === JSON.stringify(catalog)) return;
  world.setCatalog(catalog, layoutAvenue(catalog.brands.map((b) => b.id)));
}
