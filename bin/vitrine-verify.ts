#!/usr/bin/env node
/**
 * Verifies a Vitrine collectible certificate offline, with only the platform's public key:
 *
 *   npx vitrine-verify certificate.json --key vitrine-certificate-keys.json [--model model.glb]
 *   npm run verify -- certificate.json --key keys.json
 *   npx vitrine-verify a.json b.json c.json --key keys.json    (several at once, one verdict each)
 *
 * The key file is the JWKS published at /.well-known/vitrine-certificate-keys.json, a single JWK,
 * or a PEM public key. With --model, the model file's sha256 must also be the one certified.
 * Exit code 0: valid (all of them); 1: not valid (any of them; each reason is printed); 2: the
 * command was used wrongly or a file could not be read. Needs no server and no database.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  parseVerificationKeys,
  summarizeStatement,
  verifyCertificateFile,
} from "../server/collectibles/certificates.ts";

const USAGE =
  "Usage: vitrine-verify <certificate.json>... --key <keys.json|key.pem> [--model <model.glb>] (--model with one certificate only)";

/** A refusal to go on, with the exit code it ends the command with. */
class Stop extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

function readOrStop(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Stop(2, `Cannot read the ${what} ${file}: ${reason}`);
  }
}

type Verdict = { valid: boolean; text: string };

/** Runs the command: one verdict per certificate file (throws Stop for usage and unreadable files). */
function run(args: string[]): Verdict[] {
  let parsed: { values: { key?: string; model?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { key: { type: "string" }, model: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new Stop(2, `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return [{ valid: true, text: `${USAGE}\n` }];
  if (positionals.length === 0) throw new Stop(2, `Name at least one certificate file.\n${USAGE}`);
  if (values.model && positionals.length !== 1)
    throw new Stop(2, `--model checks the model of exactly one certificate file.\n${USAGE}`);
  if (!values.key) throw new Stop(2, `Name the public key file with --key.\n${USAGE}`);

  let keys: ReturnType<typeof parseVerificationKeys>;
  try {
    keys = parseVerificationKeys(readOrStop(values.key, "key file").toString("utf8"));
  } catch (error) {
    if (error instanceof Stop) throw error;
    throw new Stop(2, `The key file ${values.key} cannot be used: ${(error as Error).message}`);
  }
  const files = positionals.map((file) => ({ file, bytes: readOrStop(file, "certificate") }));
  return files.map(({ file, bytes }) => verifyOne(file, new Uint8Array(bytes), keys, values.model));
}

function verifyOne(
  certificatePath: string,
  bytes: Uint8Array,
  keys: ReturnType<typeof parseVerificationKeys>,
  modelPath: string | undefined,
): Verdict {
  const result = verifyCertificateFile(bytes, keys);
  if (!result.valid || !result.statement) {
    return { valid: false, text: `NOT VALID: ${certificatePath}\nReason: ${result.reason ?? "unknown"}\n` };
  }
  let modelLine = "";
  if (modelPath) {
    const sha256 = createHash("sha256").update(readOrStop(modelPath, "model file")).digest("hex");
    if (sha256 !== result.statement.modelSha256) {
      return {
        valid: false,
        text: `NOT VALID: the model ${modelPath} is not the certified one\nReason: its sha256 is ${sha256}, the certificate names ${result.statement.modelSha256}\n`,
      };
    }
    modelLine = `model file ${modelPath} matches the certificate\n`;
  }
  return {
    valid: true,
    text: `VALID: ${certificatePath}, signed by Vitrine\n${summarizeStatement(result.statement)}\n${modelLine}`,
  };
}

try {
  const verdicts = run(process.argv.slice(2));
  for (const verdict of verdicts) (verdict.valid ? process.stdout : process.stderr).write(verdict.text);
  if (verdicts.some((v) => !v.valid)) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error.exitCode;
}
