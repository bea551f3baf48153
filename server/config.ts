import path from "node:path";
import { z } from "zod";
import { DEFAULT_AVENUE_SHARD_CAPACITY, DEFAULT_VIEW_RADIUS } from "../shared/constants.ts";
import { DEFAULT_EVENT_SHARD_CAPACITY } from "../shared/events/audienceRoom.ts";
import { IceServers } from "../shared/media.ts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "Use true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every configuration knob, read from the environment once, with defaults for a fresh machine. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number({ message: "PORT must be a number" }).int().min(0).max(65535).default(2567),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Folder for the embedded database, blobs and keys. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** PostgreSQL connection string; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  /** Redis connection string; when set, rooms use RedisPresence and RedisDriver to scale out. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  /**
   * Origins, besides the server's own, whose pages may send state-changing requests and open
   * WebSockets (comma-separated, e.g. `https://vitrine.example,https://www.vitrine.example`): the
   * public address when a proxy in front rewrites the Host header. Default: the server's own only.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const origins = text
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o !== "");
      for (const origin of origins) {
        let ok = false;
        try {
          const url = new URL(origin);
          ok =
            (url.protocol === "http:" || url.protocol === "https:") &&
            url.origin === origin.replace(/\/$/, "");
        } catch {
          ok = false;
        }
        if (!ok)
          ctx.addIssue({
            code: "custom",
            message: `"${origin}" is not an origin like https://vitrine.example`,
          });
      }
      return origins;
    }),
  /** Address other processes use to reach this one when scaled out (host:port). */
  PUBLIC_ADDRESS: z.string().optional(),
  /** Radius in metres within which a client receives other avatars (interest management). */
  AVENUE_VIEW_RADIUS: z.coerce.number().min(1).max(10_000).default(DEFAULT_VIEW_RADIUS),
  AVENUE_SHARD_CAPACITY: z.coerce.number().int().min(1).max(2000).default(DEFAULT_AVENUE_SHARD_CAPACITY),
  /** Rooms a guest (no session) may make the matchmaker create per address per window (issue 10). */
  GUEST_ROOMS_PER_WINDOW: z.coerce.number().int().min(1).max(100_000).default(10),
  GUEST_ROOMS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Viewers per audience shard of a live event (past it, joining opens or picks another shard). */
  EVENT_SHARD_CAPACITY: z.coerce.number().int().min(1).max(2000).default(DEFAULT_EVENT_SHARD_CAPACITY),
  /** Seed the demo brands, products and accounts into an empty database. */
  SEED_DEMO: bool.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 30),
  /** Send the session cookie only over HTTPS; turn on behind TLS. */
  COOKIE_SECURE: bool.default(false),
  /** Folder with the built client; the server answers 503 on pages if it is missing. */
  CLIENT_DIST: z.string().default("./dist"),
  /** Ed25519 signing keys (PEM or JWK) for passes and certificates; generated into DATA_DIR/keys when absent. */
  SIGNING_PRIVATE_KEY: z.string().min(1).optional(),
  SIGNING_PUBLIC_KEY: z.string().min(1).optional(),
  /** Brand model uploads: total bytes of one upload (all files together). */
  MODEL_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(2_000_000_000).default(50_000_000),
  /** Limits an uploaded model must fit, checked before optimization. */
  MODEL_MAX_TRIANGLES: z.coerce.number().int().min(1).default(500_000),
  MODEL_MAX_TEXTURE_EDGE: z.coerce.number().int().min(16).max(16_384).default(4096),
  MODEL_MAX_MATERIALS: z.coerce.number().int().min(1).default(64),
  MODEL_MAX_DRAW_CALLS: z.coerce.number().int().min(1).default(128),
  /** GPU memory of all textures once decoded (RGBA with mipmaps), in MiB. */
  MODEL_MAX_TEXTURE_MEMORY_MB: z.coerce.number().int().min(1).default(512),
  /** Longest texture edge in optimized models (the level of detail uses a quarter of it). */
  MODEL_OPTIMIZED_TEXTURE_EDGE: z.coerce.number().int().min(64).max(8192).default(2048),
  /** Uploads one account may start per hour. */
  MODEL_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  /** An upload whose processing takes longer is stopped and refused. */
  MODEL_PIPELINE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  /** Janus' HTTP API (http(s)://host:port/janus) for live event video; unset: events run without it. */
  JANUS_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, "JANUS_URL must be Janus' HTTP API, e.g. http://127.0.0.1:8088/janus")
    .optional(),
  /** What browsers connect to (ws(s):// or http(s)://); defaults to JANUS_URL. */
  JANUS_PUBLIC_URL: z
    .string()
    .regex(/^(wss?|https?):\/\/[^\s]+$/, "JANUS_PUBLIC_URL must be a ws://, wss://, http:// or https:// URL")
    .optional(),
  /** Janus' api_secret (servers only) and token_auth_secret (signs browsers' tokens); needed with JANUS_URL. */
  JANUS_API_SECRET: z.string().min(8, "JANUS_API_SECRET needs at least 8 characters").optional(),
  JANUS_TOKEN_SECRET: z.string().min(8, "JANUS_TOKEN_SECRET needs at least 8 characters").optional(),
  /** STUN/TURN servers for WebRTC, a JSON array of { urls, username?, credential? }; default: none. */
  ICE_SERVERS: z
    .string()
    .default("[]")
    .transform((text, ctx) => {
      try {
        const parsed = IceServers.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: "custom", message: `server ${issue.path.join(".")}: ${issue.message}` });
        }
      } catch {
        ctx.addIssue({
          code: "custom",
          message: "not JSON: give a JSON array of { urls, username, credential }",
        });
      }
      return z.NEVER;
    }),
  /** JSON log lines at this level and above (stdout, never pretty-printed). */
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Bearer token a Prometheus scraper sends to GET /metrics; unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN needs at least 16 characters").optional(),
  /** Secret of analytics pseudonyms (HMAC); unset: one is made once and kept in the database. */
  ANALYTICS_SECRET: z.string().min(16, "ANALYTICS_SECRET needs at least 16 characters").optional(),
  /** Days raw analytics facts are kept before they are pruned (the hourly and daily rollups stay). */
  ANALYTICS_RAW_DAYS: z.coerce.number().int().min(2).max(3650).default(30),
  /** How often buffered analytics facts are written (seconds; a full batch is written at once). */
  ANALYTICS_FLUSH_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  /** SMTP server for outgoing mail (`smtp://user:pass@host:587`); without it mail goes to the outbox folder. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  /** Folder where mail is written as .eml files when SMTP_URL is unset (default DATA_DIR/outbox). */
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  /** Sender of outgoing mail; maisons' names are shown before this address. */
  MAIL_FROM: z.string().min(3).default("Vitrine <no-reply@vitrine.invalid>"),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a wrong value throws a ConfigError naming each variable and what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message} (got ${JSON.stringify(clean[String(i.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  const config = parsed.data;
  if (config.JANUS_URL && (!config.JANUS_API_SECRET || !config.JANUS_TOKEN_SECRET)) {
    throw new ConfigError(
      "Invalid configuration in the environment:\n  JANUS_URL is set, so JANUS_API_SECRET and JANUS_TOKEN_SECRET are needed too (the values Janus was started with)",
    );
  }
  return {
    ...config,
    DATA_DIR: path.resolve(config.DATA_DIR),
    CLIENT_DIST: path.resolve(config.CLIENT_DIST),
    MAIL_OUTBOX_DIR: path.resolve(config.MAIL_OUTBOX_DIR ?? path.join(config.DATA_DIR, "outbox")),
  };
}
