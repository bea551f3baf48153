/**
 * zod 4 compiles object parsers with `new Function`, and probes for it when its first object
 * schema is built; under our Content-Security-Policy (no 'unsafe-eval', issue 10) that probe is a
 * reported violation. Jitless parsing is the same validation without generated code. zod reads
 * this global config when it loads, so it must be set before zod: this file imports nothing.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
