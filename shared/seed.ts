import { z } from "zod";
import { BrandRole, GlobalRole } from "./auth.ts";
import { BrandWithProducts } from "./catalog.ts";

/** The demo content file `assets/seed/demo.json`, validated before anything is written. */
export const SeedFile = z.object({
  version: z.number().int().positive(),
  brands: z.array(BrandWithProducts).min(1),
  accounts: z.array(
    z.object({
      email: z.email(),
      password: z.string().min(10),
      displayName: z.string().min(2),
      role: GlobalRole,
      brandRoles: z.array(z.object({ brandId: z.string(), role: BrandRole })).default([]),
      /** Shown in the README: what this account is for. */
      note: z.string(),
    }),
  ),
});
export type SeedFile = z.infer<typeof SeedFile>;
