/**
 * zod 4 compiles object parsers with `new Function` when it can, and probes for that with
 * `Function("")` on the first parse. Our page policy allows no eval (server/http/security), so the
 * probe only earns a CSP violation report: tell zod up front to use its interpreter.
 */
import { z } from "zod";

z.config({ jitless: true });
