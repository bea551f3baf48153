/**
 * The platform's Ed25519 signing key pair (pass tokens, certificates). Taken from the environment
 * (`SIGNING_PRIVATE_KEY` / `SIGNING_PUBLIC_KEY`, PEM or JWK JSON) when given, otherwise generated on
 * first start into `${dataDir}/keys` (files readable by the owner only) and reused afterwards.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type SigningKeys = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Key id for `kid` headers: derived from the public key, so it changes when the key does. */
  keyId: string;
  /** The public key as a JWK, to publish for offline verification. */
  publicJwk: JsonWebKey;
};

const PRIVATE_FILE = "signing-ed25519.private.pem";
const PUBLIC_FILE = "signing-ed25519.public.pem";

/** Loads (or creates once) the signing keys; see the module comment for where they come from. */
export async function loadSigningKeys(
  dataDir: string,
  env: { SIGNING_PRIVATE_KEY?: string; SIGNING_PUBLIC_KEY?: string } = {},
): Promise<SigningKeys> {
  if (env.SIGNING_PRIVATE_KEY) {
    const privateKey = parseKey(env.SIGNING_PRIVATE_KEY, "private");
    const publicKey = env.SIGNING_PUBLIC_KEY
      ? parseKey(env.SIGNING_PUBLIC_KEY, "public")
      : createPublicKey(privateKey);
    return describe(privateKey, publicKey);
  }
  if (env.SIGNING_PUBLIC_KEY) throw new Error("SIGNING_PUBLIC_KEY is set without SIGNING_PRIVATE_KEY");
  const dir = path.resolve(dataDir, "keys");
  const privatePath = path.join(dir, PRIVATE_FILE);
  const existing = await readFile(privatePath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing !== undefined) {
    const privateKey = parseKey(existing, "private");
    return describe(privateKey, createPublicKey(privateKey));
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  // `wx`: if another process created the file meanwhile, use its key rather than overwrite it.
  try {
    await writeFile(privatePath, privatePem, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return loadSigningKeys(dataDir, {});
  }
  await chmod(privatePath, 0o600);
  const publicPath = path.join(dir, PUBLIC_FILE);
  await writeFile(publicPath, publicKey.export({ type: "spki", format: "pem" }).toString(), { mode: 0o600 });
  await chmod(publicPath, 0o600);
  return describe(privateKey, publicKey);
}

function parseKey(text: string, kind: "private" | "public"): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith("{")
    ? kind === "private"
      ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: "jwk" })
      : createPublicKey({ key: JSON.parse(trimmed) as JsonWebKey, format: "jwk" })
    : kind === "private"
      ? createPrivateKey(trimmed)
      : createPublicKey(trimmed);
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(`SIGNING_${kind.toUpperCase()}_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  }
  return key;
}

function describe(privateKey: KeyObject, publicKey: KeyObject): SigningKeys {
  const derived = createPublicKey(privateKey).export({ format: "jwk" });
  const publicJwk = publicKey.export({ format: "jwk" });
  if (derived.x !== publicJwk.x) throw new Error("SIGNING_PUBLIC_KEY does not match SIGNING_PRIVATE_KEY");
  return { privateKey, publicKey, keyId: `ed25519-${(publicJwk.x ?? "").slice(0, 16)}`, publicJwk };
}
