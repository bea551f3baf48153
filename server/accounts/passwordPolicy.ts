/**
 * What a new password must be (issue 10): not blank, not the email (or its name part), and not
 * guessable by the zxcvbn estimator (@zxcvbn-ts, with its common-password and English lists):
 * score 3 of 4 at least ("safely unguessable": about 10^8 guesses). The estimator's dictionaries
 * take a few seconds and tens of MB to load, so they load on the first sign-up, not at start.
 */

import { ErrorCode } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";

/** The lowest zxcvbn score a new password may have (0–4). */
export const MIN_PASSWORD_SCORE = 3;

type Estimator = { check(password: string, userInputs?: (string | number)[]): EstimatorResult };
type EstimatorResult = { score: number; feedback: { warning: string | null; suggestions: string[] } };

let estimator: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return estimator;
}

/** Why `password` may not be used by the person with `email`, or null when it may. */
export async function passwordProblem(
  password: string,
  person: { email: string; displayName?: string },
): Promise<string | null> {
  if (password.trim().length === 0) return "A password cannot be only spaces.";
  const email = person.email.trim().toLowerCase();
  const candidate = password.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? email;
  if (candidate === email || candidate === localPart)
    return "Do not use your email address as your password.";
  const inputs = [email, localPart, ...(person.displayName ? [person.displayName] : []), "vitrine"];
  const result = (await loadEstimator()).check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess.${hint ? ` ${hint}` : ""} A few unrelated words together work well.`;
}

/** @throws DomainError 400 `validation_failed` on `password` when it may not be used. */
export async function requireAcceptablePassword(
  password: string,
  person: { email: string; displayName?: string },
): Promise<void> {
  const problem = await passwordProblem(password, person);
  if (problem) {
    throw new DomainError(ErrorCode.validation, problem, [{ path: "password", message: problem }]);
  }
}
