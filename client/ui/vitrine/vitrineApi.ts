/** The vitrine's and the wallet's calls to the collectibles API (shared/collectibles.ts). */
import { z } from "zod";
import {
  MyCollectiblesAnswer,
  OwnedCopy,
  type UpdateOwnedCopy,
  VerifyResult,
  VitrineShareAnswer,
  VitrineView,
} from "../../../shared/collectibles.ts";
import { apiRequest } from "../../net/api.ts";

const AnyJson = z.unknown();

export const collectiblesApi = {
  /** The signed-in person's own vitrine, hidden copies left out. */
  myVitrine: () => apiRequest("/api/vitrines/mine", VitrineView),
  /** Someone's vitrine through their visitor link (404 once the link was rotated). */
  vitrineByToken: (token: string) => apiRequest(`/api/vitrines/${encodeURIComponent(token)}`, VitrineView),
  share: () => apiRequest("/api/vitrine/share", VitrineShareAnswer),
  rotateShare: () => apiRequest("/api/vitrine/share/rotate", VitrineShareAnswer, { method: "POST" }),
  myCopies: async () => (await apiRequest("/api/collectibles/mine", MyCollectiblesAnswer)).copies,
  setHidden: (copyId: string, body: UpdateOwnedCopy) =>
    apiRequest(`/api/collectibles/mine/${encodeURIComponent(copyId)}`, OwnedCopy, { method: "PATCH", body }),
  /** Fetches a copy's public certificate and asks the server to check it. */
  verify: async (certificateUrl: string) => {
    const certificate = await apiRequest(certificateUrl, AnyJson);
    return apiRequest("/api/certificates/verify", VerifyResult, { method: "POST", body: certificate });
  },
};

/** Where a copy's files download from (attachments served by the API). */
export function copyDownloads(copyId: string): { glb: string; certificate: string; zip: string } {
  const base = `/api/collectibles/mine/${encodeURIComponent(copyId)}`;
  return { glb: `${base}/model.glb`, certificate: `${base}/certificate.json`, zip: `${base}/export.zip` };
}

/** The absolute visitor link of a share path, on this origin. */
export function visitorLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}
