import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { test } from "node:test";
import type { CertificateStatement } from "../../shared/collectibles.ts";
import {
  canonicalJson,
  certificateFileBytes,
  keyIdOf,
  parseVerificationKeys,
  publicJwkEntry,
  signStatement,
  verifyCertificate,
  verifyCertificateFile,
} from "./certificates.ts";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const keyId = keyIdOf(publicKey);
const keys = [{ keyId, publicKey }];

const statement: CertificateStatement = {
  certificateId: "0b7e1c4e-4a57-4e53-9c1b-2f1f7b0a9e11",
  collectibleId: "aubrelle-etoile-keepsake",
  collectibleName: { en: "Étoile, the keepsake", fr: "Étoile, le souvenir", "zh-CN": "Étoile 星辰纪念" },
  brandId: "aubrelle",
  brandName: "Aubrelle Joaillerie",
  edition: 17,
  editionSize: 500,
  owner: "own_5381c16b90926694bad021c9",
  modelSha256: "b363cff22dc9abf3e66f50d3d44f20f79fa2049202d1c11a191e272038b9f779",
  issuedAt: "2026-11-26T12:20:25.196Z",
  issuer: "vitrine",
};
const certificate = signStatement(statement, privateKey, keyId);
const file = certificateFileBytes(certificate);

test("a signed certificate verifies, as a value and as its canonical file", () => {
  assert.deepEqual(verifyCertificate(certificate, keys), { valid: true, statement });
  assert.deepEqual(verifyCertificateFile(file, keys), { valid: true, statement });
  // The file is the RFC 8785 form: sorted keys, no whitespace, no trailing newline.
  const text = new TextDecoder().decode(file);
  assert.equal(text, canonicalJson(JSON.parse(text)));
  assert.ok(text.startsWith('{"algorithm":"Ed25519","format":"vitrine-certificate/1","keyId":'));
  assert.ok(!text.endsWith("\n"));
});

test("changing any byte of the certificate file makes it fail, whatever the change", () => {
  // Three kinds of change per byte: a low bit (digits and letters stay printable: 7 → 6, a → `),
  // the ASCII case bit (A → a), and a byte that can never be UTF-8 on its own.
  for (let position = 0; position < file.length; position++) {
    for (const mask of [0x01, 0x20, 0xff]) {
      const changed = file.slice();
      changed[position] = (changed[position] as number) ^ mask;
      const verdict = verifyCertificateFile(changed, keys);
      assert.equal(
        verdict.valid,
        false,
        `byte ${position} ^ 0x${mask.toString(16)} still verified: ${new TextDecoder().decode(changed)}`,
      );
      assert.ok(verdict.reason && verdict.reason.length > 5);
    }
  }
  assert.equal(verifyCertificateFile(file, keys).valid, true);
});

test("edits JSON would tolerate still fail a file: whitespace, key order, a trailing newline", () => {
  const text = new TextDecoder().decode(file);
  const variants = [
    `${text}\n`,
    ` ${text}`,
    JSON.stringify(JSON.parse(text), null, 2),
    JSON.stringify({ ...certificate, format: certificate.format }),
  ];
  for (const variant of variants) {
    if (variant === text) continue;
    const verdict = verifyCertificateFile(new TextEncoder().encode(variant), keys);
    assert.equal(verdict.valid, false);
    assert.match(verdict.reason ?? "", /canonical/);
  }
});

test("reasons say why: tampering, unknown key, not a certificate, not canonical base64url", () => {
  const tampered = { ...certificate, statement: { ...statement, edition: 18 } };
  assert.deepEqual(verifyCertificate(tampered, keys), { valid: false, reason: "signature does not match" });
  const other = generateKeyPairSync("ed25519").publicKey;
  assert.match(
    verifyCertificate(certificate, [{ keyId: keyIdOf(other), publicKey: other }]).reason ?? "",
    /unknown key/,
  );
  // A different key claiming the same id does not verify either.
  assert.equal(
    verifyCertificate(certificate, [{ keyId, publicKey: other }]).reason,
    "signature does not match",
  );
  assert.match(verifyCertificate({ hello: "world" }, keys).reason ?? "", /^not a certificate: format/);
  assert.match(verifyCertificate([], keys).reason ?? "", /^not a certificate/);
  assert.match(
    verifyCertificate({ ...certificate, statement: { ...statement, owner: undefined } }, keys).reason ?? "",
    /^not a certificate: statement\.owner/,
  );
  // The last base64url character carries 4 spare bits: another spelling of the same 64 bytes.
  const last = certificate.signature.at(-1) as string;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const sibling = alphabet[
    (alphabet.indexOf(last) & ~0x0f) | ((alphabet.indexOf(last) + 1) & 0x0f)
  ] as string;
  const respelled = { ...certificate, signature: certificate.signature.slice(0, -1) + sibling };
  assert.deepEqual(
    Buffer.from(respelled.signature, "base64url"),
    Buffer.from(certificate.signature, "base64url"),
  );
  assert.equal(verifyCertificate(respelled, keys).valid, false);
  assert.equal(
    verifyCertificate({ ...certificate, signature: `${certificate.signature}A` }, keys).valid,
    false,
  );
});

test("key files: a JWKS, a single JWK, a PEM; private parts ignored; nonsense refused", () => {
  const jwk = publicJwkEntry(publicKey, keyId);
  for (const text of [
    JSON.stringify({ keys: [jwk] }),
    JSON.stringify(jwk),
    JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: keyId }),
    publicKey.export({ type: "spki", format: "pem" }).toString(),
  ]) {
    const parsed = parseVerificationKeys(text);
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0]?.keyId, keyId);
    assert.equal(parsed[0]?.publicKey.type, "public");
    assert.equal(verifyCertificateFile(file, parsed).valid, true);
  }
  assert.throws(() => parseVerificationKeys("hello"), /neither JSON/);
  assert.throws(() => parseVerificationKeys('{"keys":[]}'), /no Ed25519 public key/);
  const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({
    type: "spki",
    format: "pem",
  });
  assert.throws(() => parseVerificationKeys(rsa.toString()), /not Ed25519/);
});
