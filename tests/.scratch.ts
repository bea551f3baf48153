import { PGlite } from "@electric-sql/pglite";
let t = performance.now();
const a = new PGlite(); await a.waitReady; console.log("init", performance.now() - t);
t = performance.now(); const b = await a.clone(); await b.query("select 1"); console.log("clone", performance.now() - t);
t = performance.now(); const c = new PGlite(); await c.waitReady; console.log("init2", performance.now() - t);
