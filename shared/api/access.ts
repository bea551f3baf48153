/**
 * Who may call an endpoint, declared next to it (shared/api/<domain>.ts) and applied by the server's
 * adapter (server/http/endpointRouter.ts through server/accounts/guards.ts). Admins pass every rule.
 */
import { z } from "zod";
import { BrandRole } from "../auth.ts";

/**
 * Where the brand a brandStaff rule is about comes from: a path parameter, a query or body field
 * (absent means a platform-wide thing, which only admins may touch), or the brand of a resource
 * named by a path parameter (a drop, a pass type, a pass, a collectible or an event; a platform pass
 * type, pass or event has no brand, so only admins pass).
 */
export type BrandSource =
  | { in: "path"; param: string }
  | { in: "query"; field: string }
  | { in: "body"; field: string }
  | { in: "resource"; kind: BrandResourceKind; param: string };

/** Resources whose brand the server can look up from their id. */
export type BrandResourceKind = "drop" | "passType" | "pass" | "collectible" | "event";

export type AccessRule =
  | { kind: "anyone" }
  | { kind: "signedIn" }
  /** Platform administrators; `purpose` completes "Only platform administrators may …". */
  | { kind: "admin"; purpose: string }
  /** Staff of one brand in one of `roles` (and admins); `purpose` completes "… may …". */
  | { kind: "brandStaff"; roles: readonly BrandRole[]; brand: BrandSource; purpose: string };

/** Anyone, signed in or not. */
export const anyone = { kind: "anyone" } as const satisfies AccessRule;

/** Any signed-in person. */
export const signedIn = { kind: "signedIn" } as const satisfies AccessRule;

/** Platform administrators only. */
export function admin(purpose: string) {
  return { kind: "admin", purpose } as const satisfies AccessRule;
}

/** The staff of a brand with one of `roles`, and admins. */
export function brandStaff(roles: readonly BrandRole[], brand: BrandSource, purpose: string) {
  return { kind: "brandStaff", roles, brand, purpose } as const satisfies AccessRule;
}

/** Owners and merchandisers: the people who change a brand's things. */
export const BRAND_EDITORS = ["owner", "merchandiser"] as const satisfies readonly BrandRole[];
/** Every role: the people who may look at a brand's unpublished things. */
export const BRAND_STAFF = ["owner", "merchandiser", "advisor"] as const satisfies readonly BrandRole[];

/** The brand named by the `brandId` path parameter. */
export const brandInPath = { in: "path", param: "brandId" } as const satisfies BrandSource;

/** Why a signed-in caller was refused by an access rule (`details.reason` of the 403). */
export const AccessDenialReason = z.enum(["not_admin", "not_brand_staff", "read_only_role"]);
export type AccessDenialReason = z.infer<typeof AccessDenialReason>;

/** `details` of a 403 `forbidden` answered by an access rule. */
export const AccessDeniedDetails = z.object({
  reason: AccessDenialReason,
  brandId: z.string().optional(),
  role: BrandRole.optional(),
});
export type AccessDeniedDetails = z.infer<typeof AccessDeniedDetails>;
