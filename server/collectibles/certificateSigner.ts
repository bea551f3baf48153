/**
 * Which keys sign the certificates of copies granted through a database. Grants happen inside other
 * domains' transactions (a drop claim confirmed, a pass issued) that only carry the database, so the
 * app registers its signing keys once per open database; tests do the same for theirs.
 */
import type { KeyObject } from "node:crypto";
import { type DbLike, drizzleOf } from "../db/database.ts";

export type CertificateSigner = { privateKey: KeyObject; keyId: string };

const signers = new WeakMap<object, CertificateSigner>();

/** Registers the keys that sign certificates for copies granted through `database`. */
export function registerCertificateSigner(database: DbLike, signer: CertificateSigner): void {
  signers.set(drizzleOf(database), { privateKey: signer.privateKey, keyId: signer.keyId });
}

/**
 * The signer registered for `database` (pass the open database or its `db`, not a transaction).
 * @throws Error when none was registered: granting without a signer would issue unsigned copies.
 */
export function certificateSignerFor(database: DbLike): CertificateSigner {
  const signer = signers.get(drizzleOf(database));
  if (!signer)
    throw new Error("No certificate signer is registered for this database (registerCertificateSigner)");
  return signer;
}
