import { auth } from "../../shared/api/index.ts";
import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { callApi } from "./api.ts";

/**
 * Fetches the catalog and derives the avenue layout with the same function the server uses. An
 * unchanged catalog leaves the store alone, so a precautionary reload re-renders nothing.
 */
let latestRequest = 0;

export async function reloadCatalog(): Promise<void> {
  // Reloads can overlap (a join and a publish close together); only the latest one is applied, so a
  // slow older answer never puts the catalog back to what it was.
  const request = ++latestRequest;
  const catalog = await callApi(auth.catalog);
  if (request !== latestRequest) return;
  const world = useWorldStore.getState();
  if (world.catalog && JSON.stringify(world.catalog) === JSON.stringify(catalog)) return;
  world.setCatalog(catalog, layoutAvenue(catalog.brands.map((b) => b.id)));
}
