/**
 * Every HTTP route the started server mounts has one shared declaration (shared/api/index.ts), and
 * every declaration is mounted: the routes are read from the real Express app's router stack, so a
 * route added with a bare `router.get(…)` fails here, as does a declaration nobody serves.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pathParamNames } from "../../shared/api/endpoint.ts";
import { API_ENDPOINTS } from "../../shared/api/index.ts";
import { type MountedRoute, mountedRoutes } from "../helpers/mountedRoutes.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

/** What the app serves besides the API: the client's pages (server/http/static.ts) and nothing else. */
const NOT_API = [/^GET \/\^\\\/\(\?!api\\\//];

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe("HTTP routes and their declarations", () => {
  let server: TestServer;
  let mounted: MountedRoute[];

  before(async () => {
    server = await startTestServer({ SEED_DEMO: "false" });
    mounted = mountedRoutes(server.app);
  });
  after(() => server.stop());

  test("every mounted route is declared, and every declaration is mounted once", () => {
    const declared = new Set(API_ENDPOINTS.map(key));
    const served = mounted.map(key).filter((k) => !NOT_API.some((pattern) => pattern.test(k)));
    assert.deepEqual(
      served.filter((k) => !declared.has(k)),
      [],
      "mounted without a declaration in shared/api/",
    );
    assert.deepEqual(
      [...declared].filter((k) => !served.includes(k)),
      [],
      "declared in shared/api/ but not mounted",
    );
    const twice = served.filter((k, i) => served.indexOf(k) !== i);
    assert.deepEqual(twice, [], "mounted more than once (the first one would hide the other)");
    assert.equal(mounted.length - served.length, NOT_API.length, "the client's pages are mounted once");
  });

  test("declarations are well formed: unique ids and addresses, parameters named in their path", () => {
    const ids = API_ENDPOINTS.map((e) => e.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      "duplicate ids",
    );
    for (const endpoint of API_ENDPOINTS) {
      const names = pathParamNames(endpoint.path);
      for (const name of Object.keys(endpoint.params ?? {})) {
        assert.ok(names.includes(name), `${endpoint.id}: params.${name} is not in ${endpoint.path}`);
      }
      const brand = endpoint.access.kind === "brandStaff" ? endpoint.access.brand : null;
      if (brand?.in === "path" || brand?.in === "resource") {
        assert.ok(names.includes(brand.param), `${endpoint.id}: its access rule reads :${brand.param}`);
      }
      if (brand?.in === "query") assert.ok(endpoint.query, `${endpoint.id}: its access rule reads the query`);
      if (brand?.in === "body") assert.ok(endpoint.body, `${endpoint.id}: its access rule reads the body`);
      assert.ok(endpoint.summary.length > 10, `${endpoint.id} says what it does`);
    }
  });
});
