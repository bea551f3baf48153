/** The vitrine's and the wallet's calls to the collectibles API (shared/api/collectibles.ts). */
import { collectibles } from "../../../shared/api/index.ts";
import type { UpdateOwnedCopy } from "../../../shared/collectibles.ts";
import { apiUrl, callApi } from "../../net/api.ts";

export const collectiblesApi = {
  /** The signed-in person's own vitrine, hidden copies left out. */
  myVitrine: () => callApi(collectibles.myVitrine),
  /** Someone's vitrine through their visitor link (404 once the link was rotated). */
  vitrineByToken: (token: string) => callApi(collectibles.vitrineByToken, { params: { token } }),
  share: () => callApi(collectibles.myShare),
  rotateShare: () => callApi(collectibles.rotateShare),
  myCopies: async () => (await callApi(collectibles.myCopies)).copies,
  setHidden: (copyId: string, body: UpdateOwnedCopy) =>
    callApi(collectibles.updateMyCopy, { params: { copyId }, body }),
  /** Fetches a copy's public certificate and asks the server to check it. */
  verify: async (certificateId: string) => {
    const certificate = await callApi(collectibles.certificate, { params: { id: certificateId } });
    return callApi(collectibles.verifyCertificate, { body: certificate });
  },
};

/** Where a copy's files download from (attachments served by the API). */
export function copyDownloads(copyId: string): { glb: string; certificate: string; zip: string } {
  const params = { copyId };
  return {
    glb: apiUrl(collectibles.copyModelFile, params),
    certificate: apiUrl(collectibles.copyCertificateFile, params),
    zip: apiUrl(collectibles.copyExportZip, params),
  };
}

/** The absolute visitor link of a share path, on this origin. */
export function visitorLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}
