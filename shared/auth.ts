import { z } from "zod";
import { DISPLAY_NAME_MAX } from "./constants.ts";
import { singleLine } from "./text.ts";

export const Email = z
  .email({ message: "Enter a valid email address" })
  .max(254)
  .transform((e) => e.toLowerCase());
export const Password = z
  .string()
  .min(10, "Use at least 10 characters for your password")
  .max(200, "Passwords are limited to 200 characters")
  .refine((p) => p.trim().length > 0, "A password cannot be only spaces");

export const SignUpBody = z
  .object({
    email: Email,
    password: Password,
    displayName: singleLine(
      z.string().trim().min(2, "Your name needs at least 2 characters").max(DISPLAY_NAME_MAX),
    ),
  })
  .strict();
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.object({ email: Email, password: z.string().min(1).max(200) }).strict();
export type SignInBody = z.infer<typeof SignInBody>;

export const GlobalRole = z.enum(["shopper", "admin"]);
export type GlobalRole = z.infer<typeof GlobalRole>;
export const BrandRole = z.enum(["owner", "merchandiser", "advisor"]);
export type BrandRole = z.infer<typeof BrandRole>;

/** The signed-in person as the client sees them (`GET /api/auth/me`). */
export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: GlobalRole,
  brandRoles: z.array(z.object({ brandId: z.string(), role: BrandRole })),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const MeResponse = z.object({ user: SessionUser.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;

export const HealthResponse = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
  presence: z.enum(["local", "redis"]),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
