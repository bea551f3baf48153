/** The brand's part of the host's lines (shared/api/host.ts), as the portal's editor reads and saves it. */
import type { z } from "zod";
import { host } from "../../../../shared/api/index.ts";
import type { FieldIssue } from "../../../../shared/errors.ts";
import type { BrandHostLines } from "../../../../shared/host/script.ts";
import { callApi, declaredDetails } from "../../../net/api.ts";

/** Any JSON document: the server answers an invalid one with every problem in it. */
type JsonDocument = z.input<NonNullable<typeof host.putBrandHostLines.body>>;

/** `GET /api/brands/:brandId/host-lines`: the brand's document (empty when it wrote none yet). */
export async function loadHostLines(brandId: string): Promise<BrandHostLines> {
  return (await callApi(host.getBrandHostLines, { params: { brandId } })).lines;
}

/**
 * `PUT /api/brands/:brandId/host-lines` with a document parsed from JSON or built by the form;
 * an invalid one throws ApiError `invalid_host_script` (read its problems with `issuesOf`).
 */
export async function saveHostLines(brandId: string, doc: unknown): Promise<void> {
  await callApi(host.putBrandHostLines, { params: { brandId }, body: doc as JsonDocument });
}

/** The per-path problems of an `invalid_host_script` refusal, or none for any other error. */
export function issuesOf(error: unknown): FieldIssue[] {
  return declaredDetails(host.putBrandHostLines, "invalid_host_script", error)?.issues ?? [];
}
