import { startVitrine } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";

try {
  const config = loadConfig();
  const vitrine = await startVitrine(config);
  const shown = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  console.log(
    `Vitrine is open on http://${shown}:${vitrine.port} (database: ${vitrine.database.kind}, presence: ${config.REDIS_URL ? "redis" : "local"})`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error("Vitrine could not start:", error);
  process.exit(1);
}
