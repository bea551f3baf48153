/** A refused upload, as a value: the status it answers with and every problem found. */
import type { ModelProblem, ModelProblemCode } from "../../shared/models.ts";

/** 413 too large, 415 not a model at all, 422 a model that breaks our rules. */
export type RejectionStatus = 413 | 415 | 422;

const STATUS_BY_PROBLEM: Partial<Record<ModelProblemCode, RejectionStatus>> = {
  too_large: 413,
  unsupported_file: 415,
  not_a_model: 415,
  invalid_zip: 415,
  empty_upload: 422,
};

/** Thrown (or returned across the worker boundary) when an upload is refused. */
export class ModelRejection extends Error {
  readonly problems: ModelProblem[];
  readonly status: RejectionStatus;

  constructor(problems: ModelProblem[]) {
    super(summarize(problems));
    this.name = "ModelRejection";
    this.problems = problems;
    this.status = statusOf(problems);
  }
}

/** The most telling status among the problems: size first, then type, then rules. */
function statusOf(problems: ModelProblem[]): RejectionStatus {
  const statuses = problems.map((p) => STATUS_BY_PROBLEM[p.code] ?? 422);
  if (statuses.includes(413)) return 413;
  if (statuses.includes(415)) return 415;
  return 422;
}

function summarize(problems: ModelProblem[]): string {
  const first = problems[0]?.message ?? "The model was refused.";
  return problems.length > 1
    ? `${first} (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})`
    : first;
}

/** Builds one problem; `where`, `limit` and `measured` are null when they do not apply. */
export function problem(
  code: ModelProblemCode,
  message: string,
  where: string | null = null,
  limit: number | string | null = null,
  measured: number | string | null = null,
): ModelProblem {
  return { code, message, where, limit, measured };
}

/** Shorthand: throws a rejection with one problem. */
export function reject(...args: Parameters<typeof problem>): never {
  throw new ModelRejection([problem(...args)]);
}
