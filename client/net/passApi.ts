import { passes } from "../../shared/api/index.ts";
import {
  type PassTokenAnswer,
  PassTokenClaims,
  type VerifyPassTokenAnswer,
  type WalletPass,
} from "../../shared/passes.ts";
import { callApi } from "./api.ts";

/** The signed-in person's passes, whatever their status, each with its programme. */
export async function fetchMyPasses(): Promise<WalletPass[]> {
  return (await callApi(passes.myPasses)).passes;
}

/** A freshly signed token of one of the caller's own active passes. */
export function fetchPassToken(passId: string): Promise<PassTokenAnswer> {
  return callApi(passes.passToken, { params: { passId } });
}

/** Asks the server to check a token: signature, validity window, revocation. */
export function verifyPassToken(token: string): Promise<VerifyPassTokenAnswer> {
  return callApi(passes.verifyPassToken, { body: { token } });
}

/**
 * Reads the claims inside a compact JWS without checking its signature (the server does that in
 * `verifyPassToken`): only to show what the token says, never to trust it.
 */
export function readTokenClaims(token: string): PassTokenClaims | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const base64 = payload.replaceAll("-", "+").replaceAll("_", "/");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const parsed = PassTokenClaims.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
