import { z } from "zod";
import type { FieldIssue } from "../../../../shared/errors.ts";
import { apiRequest } from "../../../net/api.ts";

/** The brand's part as stored (shape checked by the editor, not here: an old invalid one still loads). */
const Stored = z.union([z.object({ lines: z.unknown() }).loose(), z.unknown()]);

function path(brandId: string): string {
  return `/api/brands/${encodeURIComponent(brandId)}/host-lines`;
}

/** `GET /api/brands/:brandId/host-lines`: the brand's document (or `{ lines }` around it). */
export async function loadHostLines(brandId: string): Promise<unknown> {
  const answer = await apiRequest(path(brandId), Stored);
  if (typeof answer === "object" && answer !== null && "lines" in answer && !("greetings" in answer)) {
    return (answer as { lines: unknown }).lines;
  }
  return answer;
}

/** `PUT /api/brands/:brandId/host-lines`; an invalid document throws ApiError with `details.issues`. */
export async function saveHostLines(brandId: string, doc: unknown): Promise<void> {
  await apiRequest(path(brandId), z.unknown(), { method: "PUT", body: doc });
}

/** The per-path issues of an `invalid_host_script` answer, if it carries any. */
export function issuesOf(details: unknown): FieldIssue[] {
  const parsed = z
    .object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) })
    .safeParse(details);
  return parsed.success ? parsed.data.issues : [];
}
