import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LocalDriver, LocalPresence, matchMaker, type Presence, Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type express from "express";
import { MAX_MESSAGE_BYTES } from "../shared/constants.ts";
import { EVENT_AUDIENCE_ROOM } from "../shared/events/audienceRoom.ts";
import { resolveSessionFromCookieHeader } from "./accounts/sessions.ts";
import { createAnalyticsRoutes } from "./analytics/analyticsRoutes.ts";
import { setFactSink } from "./analytics/facts.ts";
import { pseudonymSecret } from "./analytics/pseudonym.ts";
import { AnalyticsRecorder } from "./analytics/recorder.ts";
import { getCatalog } from "./catalog/catalogRepository.ts";
import { loadSeedFile, seedDemoContent } from "./catalog/seed.ts";
import { loadSeedCollectibles, seedDemoCollectibles } from "./catalog/seedCollectibles.ts";
import { seedDemoEvents } from "./catalog/seedEvents.ts";
import { startClientelingTimers } from "./clienteling/clientelingTimers.ts";
import { seedDemoPersonalisation } from "./clienteling/seedPersonalisation.ts";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/database.ts";
import { type Clock, systemClock } from "./drops/clock.ts";
import { startDropTimers } from "./drops/dropTimers.ts";
import { loadDefaultHostScript, seedPlatformScript } from "./host/hostScripts.ts";
import { HOST_SCRIPT_CHANGED_CHANNEL, HostServices } from "./host/hostServices.ts";
import { createAdminRoutes } from "./http/adminRoutes.ts";
import { createApiRouter } from "./http/apiRouter.ts";
import { createClientelingRoutes } from "./http/clientelingRoutes.ts";
import { createClientelingStaffRoutes } from "./http/clientelingStaffRoutes.ts";
import { createCollectibleRoutes } from "./http/collectibleRoutes.ts";
import { compressResponses } from "./http/compression.ts";
import { createCopyRoutes } from "./http/copyRoutes.ts";
import { createDropRoutes } from "./http/dropRoutes.ts";
import { errorMiddleware } from "./http/errors.ts";
import { createEventRoutes } from "./http/eventRoutes.ts";
import { createHostRoutes } from "./http/hostRoutes.ts";
import { createLimiterStore } from "./http/limiterStore.ts";
import { createPassRoutes } from "./http/passRoutes.ts";
import { installFrontDoor } from "./http/security/frontDoor.ts";
import { originCheck } from "./http/security/originCheck.ts";
import { pagePolicy } from "./http/security/pagePolicy.ts";
import { mountStatic, securityHeaders } from "./http/static.ts";
import { createCertificateKeysRoutes, createVitrineRoutes } from "./http/vitrineRoutes.ts";
import { loadSigningKeys } from "./keys/signingKeys.ts";
import { createMailer } from "./mail/mailer.ts";
import { stageMediaFromConfig } from "./media/stageMedia.ts";
import { createModelServices } from "./models/modelServices.ts";
import { requestObservability } from "./observability/httpObservability.ts";
import { colyseusLogger, logFor, setLogLevel } from "./observability/log.ts";
import { startProcessMetrics } from "./observability/metrics.ts";
import { createMetricsRoutes } from "./observability/metricsRoutes.ts";
import { AvenueRoom } from "./rooms/avenue/AvenueRoom.ts";
import { CATALOG_CHANGED_CHANNEL, dropChangedChannel, setRoomContext } from "./rooms/context.ts";
import { DropRoom } from "./rooms/drop/DropRoom.ts";
import { EventAudienceRoom } from "./rooms/event/EventAudienceRoom.ts";
import { configureGuestRoomCap } from "./rooms/kernel/guestRoomCap.ts";
import { SalonRoom } from "./rooms/salon/SalonRoom.ts";
import { VitrineRoom } from "./rooms/vitrine/VitrineRoom.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEMO_SEED_PATH = path.join(REPO_ROOT, "assets/seed/demo.json");
/** The default platform host script, validated at start and stored when the database has none. */
export const HOST_SCRIPT_PATH = path.join(REPO_ROOT, "assets/host/platform-script.json");

export type RunningVitrine = {
  port: number;
  database: Database;
  /** The analytics recorder (tests flush it to read the rollups). */
  analytics: AnalyticsRecorder;
  server: Server;
  /** The Express app behind the API (tests list its mounted routes). */
  app: express.Application;
  close(): Promise<void>;
};

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "0.0.0";
}

/**
 * Boots one Vitrine process: database (migrated, seeded once), HTTP API, static client and the
 * Colyseus rooms, all on one port.
 */
export async function startVitrine(
  config: Config,
  options: {
    /** The drops' clock (routes, timers, the drop room); tests pass a manual one. */
    clock?: Clock;
  } = {},
): Promise<RunningVitrine> {
  const clock = options.clock ?? systemClock;
  const startedAt = Date.now();
  setLogLevel(config.LOG_LEVEL);
  startProcessMetrics();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  if (config.SEED_DEMO) {
    const seed = await loadSeedFile(DEMO_SEED_PATH);
    await seedDemoContent(database, seed, clock.now());
    // Every start: a fresh live show (and upcoming show, salon) when the last ones have ended.
    await seedDemoEvents(database, seed, clock.now());
  }

  const signingKeys = await loadSigningKeys(config.DATA_DIR, {
    SIGNING_PRIVATE_KEY: config.SIGNING_PRIVATE_KEY,
    SIGNING_PUBLIC_KEY: config.SIGNING_PUBLIC_KEY,
  });

  // Analytics: facts buffered in memory, written in batches off the rooms' steps (server/analytics/).
  const analytics = new AnalyticsRecorder({
    database,
    clock,
    secret: await pseudonymSecret(database, config.ANALYTICS_SECRET),
    rawDays: config.ANALYTICS_RAW_DAYS,
    flushMs: config.ANALYTICS_FLUSH_SECONDS * 1000,
  });
  setFactSink(analytics);

  const presence: Presence = config.REDIS_URL ? new RedisPresence(config.REDIS_URL) : new LocalPresence();
  const driver = config.REDIS_URL ? new RedisDriver(config.REDIS_URL) : new LocalDriver();
  // Stock changes reach the drop rooms of every process through presence (a lost notice is covered
  // by the rooms' slow re-read).
  const onDropChanged = (dropId: string) => {
    Promise.resolve(presence.publish(dropChangedChannel(dropId), Date.now())).catch((error: unknown) =>
      logFor("drops").error({ err: error }, "could not announce a stock change"),
    );
  };
  const dropTimers = startDropTimers({
    database,
    clock,
    onStockChanged: (dropIds) => {
      for (const id of dropIds) onDropChanged(id);
    },
  });

  // Brand models: blob store, pipeline worker (started on the first upload) and their routes.
  const models = createModelServices(config);
  if (config.SEED_DEMO) {
    const seed = await loadSeedCollectibles(DEMO_SEED_PATH);
    if (seed) {
      const deps = { blobStore: models.blobStore, signer: signingKeys, rootDir: REPO_ROOT };
      await seedDemoCollectibles(database, seed, deps, clock.now());
    }
  }
  if (config.SEED_DEMO) await seedDemoPersonalisation(database, clock);
  // Clienteling: mail (SMTP, or .eml files in the outbox folder) and its sweeps on the clock.
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    outboxDir: config.MAIL_OUTBOX_DIR ?? path.join(config.DATA_DIR, "outbox"),
    from: config.MAIL_FROM,
  });
  const clientelingTimers = startClientelingTimers({ database, clock, mailer });
  const onCatalogChanged = () => void presence.publish(CATALOG_CHANGED_CHANNEL, Date.now());

  // The avenue host: its default script (refused at start when invalid), stored once, and the
  // services every avenue room of this process shares (its intents train when the first avenue
  // room opens, in a worker thread).
  const defaultHostScript = await loadDefaultHostScript(HOST_SCRIPT_PATH);
  await seedPlatformScript(database, defaultHostScript);
  // Every rate limit (sign-in, sign-up, claims, uploads, chat) counts here: in Redis when scaled
  // out, so N processes do not grant N times the limit.
  const limiterStore = createLimiterStore(config.REDIS_URL);
  const host = new HostServices({ database, clock, defaultScript: defaultHostScript, limiterStore });
  configureGuestRoomCap(limiterStore, {
    roomsPerWindow: config.GUEST_ROOMS_PER_WINDOW,
    windowSeconds: config.GUEST_ROOMS_WINDOW_SECONDS,
  });
  const onHostScriptChanged = () => void presence.publish(HOST_SCRIPT_CHANGED_CHANNEL, Date.now());

  setRoomContext({
    loadCatalog: () => getCatalog(database),
    resolveSession: (cookie) => resolveSessionFromCookieHeader(database, cookie),
    avenueShardCapacity: config.AVENUE_SHARD_CAPACITY,
    avenueViewRadius: config.AVENUE_VIEW_RADIUS,
    eventShardCapacity: config.EVENT_SHARD_CAPACITY,
    database,
    clock,
    host,
  });

  // The client is served from this same origin: no cross-origin access, and never with credentials.
  matchMaker.controller.DEFAULT_CORS_HEADERS = {} as typeof matchMaker.controller.DEFAULT_CORS_HEADERS;
  matchMaker.controller.getCorsHeaders = () => ({});

  let expressApp: express.Application | undefined;
  const transport = new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES });
  // Before Colyseus and Express see anything: cross-site requests and upgrades refused, capped
  // matchmaking bodies.
  if (transport.server) installFrontDoor(transport.server, { checks: [originCheck(config.ALLOWED_ORIGINS)] });
  const server = new Server({
    transport,
    presence,
    driver,
    publicAddress: config.PUBLIC_ADDRESS,
    greet: false,
    logger: colyseusLogger(),
    express: (app: express.Application) => {
      expressApp = app;
      app.disable("x-powered-by");
      app.set("trust proxy", "loopback");
      app.use(requestObservability());
      app.use(securityHeaders);
      app.use(compressResponses());
      app.use(pagePolicy(config));
      app.use(
        "/api",
        createApiRouter({
          database,
          config,
          version: readVersion(),
          presence: config.REDIS_URL ? "redis" : "local",
          startedAt,
          limiterStore,
          domainRouters: [
            createPassRoutes({ database, clock, signingKeys }),
            createVitrineRoutes({ database, signingKeys }),
            createCollectibleRoutes({ database, clock }),
            createCopyRoutes({ database, blobStore: models.blobStore }),
            createDropRoutes({ database, clock, onDropChanged, limiterStore }),
            createHostRoutes({ database, host, onHostScriptChanged }),
            createAnalyticsRoutes({ database, clock, limiterStore }),
            createEventRoutes({ database, clock, media: stageMediaFromConfig(config) }),
            ...models.apiRouters({ database, onCatalogChanged, limiterStore }),
            createClientelingRoutes({ database, clock, mailer, iceServers: config.ICE_SERVERS }),
            createClientelingStaffRoutes({ database, clock, mailer }),
            createAdminRoutes({ database, clock, onCatalogChanged }),
          ],
        }),
      );
      app.use(models.blobRoutes(database));
      app.use(createCertificateKeysRoutes(database, signingKeys));
      app.use(createMetricsRoutes(database, config.METRICS_TOKEN));
      mountStatic(app, config.CLIENT_DIST);
      app.use(errorMiddleware);
    },
  });
  server.define("avenue", AvenueRoom);
  server.define("drop", DropRoom).filterBy(["dropId"]);
  server.define("vitrine", VitrineRoom).filterBy(["owner"]);
  server.define(EVENT_AUDIENCE_ROOM, EventAudienceRoom).filterBy(["eventId"]);
  server.define("salon", SalonRoom).filterBy(["appointmentId"]);
  server.onShutdown(async () => {
    await analytics.close();
    await host.close();
    await dropTimers.stop();
    await clientelingTimers.stop();
    mailer.close();
    await models.close();
    await limiterStore.close();
    await database.close();
  });

  await server.listen(config.PORT, config.HOST);
  const httpServer = (server.transport as WebSocketTransport).server;
  const port = (httpServer?.address() as AddressInfo | null)?.port ?? config.PORT;

  return {
    port,
    database,
    analytics,
    server,
    app: expressApp as express.Application,
    close: () => server.gracefullyShutdown(false),
  };
}
