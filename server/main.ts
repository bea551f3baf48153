import { startVitrine } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { logFor, rootLogger } from "./observability/log.ts";

try {
  const config = loadConfig();
  const vitrine = await startVitrine(config);
  const shown = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  logFor("main").info(
    { port: vitrine.port, database: vitrine.database.kind, presence: config.REDIS_URL ? "redis" : "local" },
    `Vitrine is open on http://${shown}:${vitrine.port}`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    // Written for the person starting the server: the variables and what is wrong with each.
    rootLogger.fatal(error.message);
    process.exit(78);
  }
  rootLogger.fatal({ err: error }, "Vitrine could not start");
  process.exit(1);
}
