import {
  BrandCollectiblesAnswer,
  type CollectibleCreate,
  CollectibleView,
  GrantCollectibleAnswer,
  type GrantCollectibleBody,
} from "../../../../shared/collectibles.ts";
import { ModelList } from "../../../../shared/models.ts";
import { apiRequest } from "../../../net/api.ts";

const brandPath = (brandId: string) => `/api/brands/${encodeURIComponent(brandId)}`;

/** The portal's calls to the collectibles API, each answer checked by its schema. */
export const collectiblesPortalApi = {
  list: async (brandId: string) =>
    (await apiRequest(`${brandPath(brandId)}/collectibles`, BrandCollectiblesAnswer)).collectibles,
  models: async (brandId: string) => (await apiRequest(`${brandPath(brandId)}/models`, ModelList)).models,
  create: (brandId: string, body: CollectibleCreate) =>
    apiRequest(`${brandPath(brandId)}/collectibles`, CollectibleView, { method: "POST", body }),
  grant: (collectibleId: string, body: GrantCollectibleBody) =>
    apiRequest(`/api/collectibles/${encodeURIComponent(collectibleId)}/grants`, GrantCollectibleAnswer, {
      method: "POST",
      body,
    }),
};
