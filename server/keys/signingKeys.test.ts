import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { loadSigningKeys } from "./signingKeys.ts";

test("generates an Ed25519 pair on first start with 0600 files, and reuses it afterwards", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "vitrine-keys-"));
  try {
    const first = await loadSigningKeys(dir, {});
    assert.equal(first.privateKey.asymmetricKeyType, "ed25519");
    const info = await stat(path.join(dir, "keys", "signing-ed25519.private.pem"));
    assert.equal(info.mode & 0o777, 0o600);
    const again = await loadSigningKeys(dir, {});
    assert.equal(again.publicJwk.x, first.publicJwk.x);
    assert.equal(again.keyId, first.keyId);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("takes the pair from the environment as PEM or JWK, and refuses a mismatch or another curve", async () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const pem = {
    SIGNING_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    SIGNING_PUBLIC_KEY: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
  const fromPem = await loadSigningKeys("/nonexistent", pem);
  assert.equal(fromPem.publicJwk.x, publicKey.export({ format: "jwk" }).x);
  const fromJwk = await loadSigningKeys("/nonexistent", {
    SIGNING_PRIVATE_KEY: JSON.stringify(privateKey.export({ format: "jwk" })),
    SIGNING_PUBLIC_KEY: JSON.stringify(publicKey.export({ format: "jwk" })),
  });
  assert.equal(fromJwk.publicJwk.x, fromPem.publicJwk.x);
  const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
  await assert.rejects(
    loadSigningKeys("/nonexistent", { ...pem, SIGNING_PUBLIC_KEY: other }),
    /does not match/,
  );
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
    type: "pkcs8",
    format: "pem",
  });
  await assert.rejects(loadSigningKeys("/nonexistent", { SIGNING_PRIVATE_KEY: ec.toString() }), /Ed25519/);
});
