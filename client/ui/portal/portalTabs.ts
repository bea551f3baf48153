/**
 * The brand workspace's tabs, in their order (also read by the accessibility e2e, which audits each).
 * `host` leaves the workspace for the host lines editor (`/brand/:brandId/host`, its own page).
 */
export const PORTAL_TABS = [
  "products",
  "upload",
  "models",
  "window",
  "collectibles",
  "drops",
  "passes",
  "events",
  "appointments",
  "analytics",
  "host",
] as const;
