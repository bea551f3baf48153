/**
 * The scaled-out set-up of infra/ (README "Operating it"): nginx.conf in front of the app processes
 * of compose.yaml. Neither nginx nor a Docker daemon runs where the tests run, so this reads both
 * files and checks what the set-up depends on: every app process has a PUBLIC_ADDRESS path that
 * nginx routes to it alone, is in the round robin, and the proxied requests keep what the app
 * checks: the browser's Host with its port (the origin check compares Origin with Host, on POSTs and
 * on WebSocket upgrades), the upgrade headers, and the balancer's request id.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, test } from "node:test";

const infra = join(resolve(import.meta.dirname, "..", ".."), "infra");

type Directive = { name: string; args: string[]; block?: Directive[] };

/** nginx's configuration syntax: `name args;` or `name args { … }`, `#` comments, quoted words. */
function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  const word = /\s+|#[^\n]*|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([;{}])|([^\s;{}'"#]+)/gy;
  while (word.lastIndex < text.length) {
    const from = word.lastIndex;
    const m = word.exec(text);
    assert.ok(m, `nginx.conf does not parse at offset ${from}`);
    const [, single, double, punct, bare] = m;
    const token = single ?? double ?? punct ?? bare;
    if (token !== undefined) tokens.push(token);
  }
  let at = 0;
  const block = (nested: boolean): Directive[] => {
    const out: Directive[] = [];
    while (at < tokens.length) {
      const name = tokens[at++] as string;
      if (name === "}") {
        assert.ok(nested, "an unmatched }");
        return out;
      }
      const args: string[] = [];
      while (at < tokens.length && tokens[at] !== ";" && tokens[at] !== "{")
        args.push(tokens[at++] as string);
      const end = tokens[at++];
      assert.ok(end === ";" || end === "{", `directive ${name} is not closed`);
      out.push(end === "{" ? { name, args, block: block(true) } : { name, args });
    }
    assert.ok(!nested, "a block is not closed");
    return out;
  };
  return block(false);
}

const find = (in_: Directive[], name: string) => in_.filter((d) => d.name === name);
const one = (in_: Directive[], name: string, args?: string[]) => {
  const found = find(in_, name).filter((d) => !args || d.args.join(" ") === args.join(" "));
  assert.equal(found.length, 1, `one ${name} ${args?.join(" ") ?? ""}`);
  return found[0] as Directive;
};

const conf = parseNginx(readFileSync(join(infra, "nginx.conf"), "utf8"));
const compose = readFileSync(join(infra, "compose.yaml"), "utf8");
const http = one(conf, "http").block ?? [];
const server = one(http, "server").block ?? [];

/** The app services of compose.yaml (`app-1`, `app-2`…) and the PUBLIC_ADDRESS each is given. */
function appServices(): Map<string, string> {
  const services = new Map<string, string>();
  let current: string | null = null;
  for (const line of compose.split("\n")) {
    const service = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (service) current = /^app-\d+$/.test(service[1] as string) ? (service[1] as string) : null;
    const address = /^\s+PUBLIC_ADDRESS:\s*(\S+)\s*$/.exec(line);
    if (current && address) services.set(current, address[1] as string);
  }
  return services;
}

describe("infra: nginx in front of the compose file's app processes", () => {
  const apps = appServices();

  test("compose.yaml starts at least two app processes, each with its own PUBLIC_ADDRESS path", () => {
    assert.ok(apps.size >= 2, `app services: ${[...apps.keys()].join(", ")}`);
    for (const [name, address] of apps) {
      assert.match(address, new RegExp(`/${name}$`), `${name}'s rooms are reached at /${name}`);
    }
    // Every process shares the database and Redis (the x-app anchor's environment).
    assert.match(compose, /^\s+DATABASE_URL: postgres:\/\/\S+@postgres:5432\//m);
    assert.match(compose, /^\s+REDIS_URL: redis:\/\/redis:6379\//m);
    for (const name of apps.keys()) {
      assert.match(compose, new RegExp(`^ {2}${name}:\\n {4}<<: \\*app$`, "m"), `${name} is an app`);
    }
  });

  test("every app process is in the round robin and has its own socket path", () => {
    const upstream = one(http, "upstream", ["vitrine"]).block ?? [];
    assert.deepEqual(
      find(upstream, "server")
        .map((d) => d.args[0])
        .sort(),
      [...apps.keys()].map((name) => `${name}:2567`).sort(),
    );
    const root = one(server, "location", ["/"]).block ?? [];
    assert.deepEqual(one(root, "proxy_pass").args, ["http://vitrine"]);
    for (const name of apps.keys()) {
      // The trailing slashes strip /app-N: Colyseus sees /<processId>/<roomId> as it would direct.
      const own = one(server, "location", [`/${name}/`]).block ?? [];
      assert.deepEqual(one(own, "proxy_pass").args, [`http://${name}:2567/`]);
      // A location that set its own headers would drop the server's (nginx inherits all or none).
      assert.equal(find(own, "proxy_set_header").length, 0, `/${name}/ inherits the proxy headers`);
    }
    assert.equal(find(root, "proxy_set_header").length, 0, "/ inherits the proxy headers");
  });

  test("proxied requests keep Host with its port, upgrade WebSockets and pass the request id", () => {
    const headers = new Map(find(server, "proxy_set_header").map((d) => [d.args[0], d.args[1]]));
    // $host drops the port (localhost:8080 → localhost): the origin check would then refuse every
    // sign-in and every room socket opened from http://localhost:8080.
    assert.equal(headers.get("Host"), "$http_host");
    assert.equal(headers.get("Upgrade"), "$http_upgrade");
    assert.equal(headers.get("Connection"), "$connection_upgrade");
    assert.equal(headers.get("X-Request-Id"), "$request_id");
    assert.equal(headers.get("X-Forwarded-For"), "$proxy_add_x_forwarded_for");
    assert.deepEqual(one(server, "proxy_http_version").args, ["1.1"], "WebSockets need HTTP/1.1");
    const map = one(http, "map", ["$http_upgrade", "$connection_upgrade"]).block ?? [];
    assert.deepEqual(
      map.map((d) => [d.name, ...d.args]),
      [
        ["default", "upgrade"],
        ["", "close"],
      ],
    );
    // Room sockets stay open for a visit: far beyond nginx's 60 s default.
    const timeout = one(server, "proxy_read_timeout").args[0] ?? "";
    assert.match(timeout, /^\d+(h|m)$/);
  });

  test("/metrics is never answered through the balancer", () => {
    const metrics = one(server, "location", ["=", "/metrics"]).block ?? [];
    assert.deepEqual(one(metrics, "return").args, ["404"]);
  });
});
