#!/usr/bin/env node
/**
 * Verifies a Vitrine collectible certificate offline, with only the platform's public key:
 *
 *   npx vitrine-verify certificate.json --key vitrine-certificate-keys.json [--model model.glb]
 *   npm run verify -- certificate.json --key keys.json
 *
 * The key file is the JWKS published at /.well-known/vitrine-certificate-keys.json, a single JWK,
 * or a PEM public key. With --model, the model file's sha256 must also be the one certified.
 * Exit code 0: valid; 1: not valid (the reason is printed); 2: the command was used wrongly or a
 * file could not be read. Needs no server and no database.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  parseVerificationKeys,
  summarizeStatement,
  verifyCertificateFile,
} from "../server/collectibles/certificates.ts";

const USAGE = "Usage: vitrine-verify <certificate.json> --key <keys.json|key.pem> [--model <model.glb>]";

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

/** Runs the command; returns the text to print on stdout (throws Stop otherwise). */
function run(args: string[]): string {
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
  if (values.help) return `${USAGE}\n`;
  const certificatePath = positionals[0];
  if (positionals.length !== 1 || !certificatePath)
    throw new Stop(2, `Name exactly one certificate file.\n${USAGE}`);
  if (!values.key) throw new Stop(2, `Name the public key file with --key.\n${USAGE}`);

  let keys: ReturnType<typeof parseVerificationKeys>;
  try {
    keys = parseVerificationKeys(readOrStop(values.key, "key file").toString("utf8"));
  } catch (error) {
    if (error instanceof Stop) throw error;
    throw new Stop(2, `The key file ${values.key} cannot be used: ${(error as Error).message}`);
  }
  const result = verifyCertificateFile(new Uint8Array(readOrStop(certificatePath, "certificate")), keys);
  if (!result.valid || !result.statement) {
    throw new Stop(1, `NOT VALID: ${certificatePath}\nReason: ${result.reason ?? "unknown"}`);
  }
  let modelLine = "";
  if (values.model) {
    const sha256 = createHash("sha256").update(readOrStop(values.model, "model file")).digest("hex");
    if (sha256 !== result.statement.modelSha256) {
      throw new Stop(
        1,
        `NOT VALID: the model ${values.model} is not the certified one\nReason: its sha256 is ${sha256}, the certificate names ${result.statement.modelSha256}`,
      );
    }
    modelLine = `model file ${values.model} matches the certificate\n`;
  }
  return `VALID: ${certificatePath}, signed by Vitrine\n${summarizeStatement(result.statement)}\n${modelLine}`;
}

try {
  process.stdout.write(run(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error.exitCode;
}
