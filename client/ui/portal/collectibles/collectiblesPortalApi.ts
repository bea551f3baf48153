import { collectibles, models } from "../../../../shared/api/index.ts";
import type { CollectibleCreate, GrantCollectibleBody } from "../../../../shared/collectibles.ts";
import { callApi } from "../../../net/api.ts";

/** The portal's calls to the collectibles API, each answer checked by its schema. */
export const collectiblesPortalApi = {
  list: async (brandId: string) =>
    (await callApi(collectibles.brandCollectibles, { params: { brandId } })).collectibles,
  models: async (brandId: string) => (await callApi(models.listModels, { params: { brandId } })).models,
  create: (brandId: string, body: CollectibleCreate) =>
    callApi(collectibles.createCollectible, { params: { brandId }, body }),
  grant: (collectibleId: string, body: GrantCollectibleBody) =>
    callApi(collectibles.grantCollectible, { params: { id: collectibleId }, body }),
};
