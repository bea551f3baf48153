/**
 * No module of the app imports itself back through others. A cycle of value imports makes the
 * evaluation order depend on which file is loaded first (a table read before its module ran is
 * `undefined`), and tells a reader two folders are really one. Type-only imports are erased before
 * the code runs, so they do not count.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const repoRoot = resolve(import.meta.dirname, "..", "..");
const FOLDERS = ["shared", "server", "client", "bin", "scripts"];

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * One static `import` or `export … from` statement, from the start of a line (so a comment that
 * quotes one does not count): its `type` keyword, the braces' content and the module.
 */
const STATEMENT =
  /^(?:import|export)(\s+type)?\s*(?:([\w$*\s,]*?)\s*(?:\{([^}]*)\})?\s*(?:as\s+[\w$]+\s*)?from\s*)?["']([^"']+)["']/gm;

/**
 * The relative modules a file imports or re-exports for their values. With
 * `verbatimModuleSyntax`, an import stays in the emitted code unless it says `type` (on the
 * statement, or on every name in its braces).
 */
function valueImports(file: string, text: string): string[] {
  const targets: string[] = [];
  for (const [, typeKeyword, head = "", braces, module = ""] of text.matchAll(STATEMENT)) {
    if (typeKeyword || !module.startsWith(".")) continue;
    const names = (braces ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    const onlyTypes =
      braces !== undefined &&
      head.replace(/[\s,]/g, "") === "" &&
      names.every((name) => name.startsWith("type "));
    if (!onlyTypes) targets.push(resolve(dirname(file), module));
  }
  return targets;
}

/** Strongly connected groups of more than one module (Tarjan), each one a cycle. */
function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

test("the cycle finder sees a cycle of value imports and ignores type-only ones", () => {
  const a = resolve("/x/a.ts");
  const b = resolve("/x/b.ts");
  assert.deepEqual(valueImports(a, 'import type { B } from "./b.ts";\nimport { type C } from "./b.ts";'), []);
  assert.deepEqual(
    valueImports(a, ' * import { b } from "./b.ts" (a comment)\nimport { x } from "zod";'),
    [],
  );
  assert.deepEqual(valueImports(a, 'import {\n  type B,\n  b,\n} from "./b.ts";'), [b]);
  assert.deepEqual(valueImports(a, 'import "./b.ts";\nimport * as all from "./b.ts";'), [b, b]);
  assert.deepEqual(valueImports(a, 'export * from "./b.ts";\nexport { b } from "./b.ts";'), [b, b]);
  const cycles = importCycles(
    new Map([
      [a, [b]],
      [b, [a]],
    ]),
  );
  assert.deepEqual(
    cycles.map((group) => group.sort()),
    [[a, b]],
  );
  assert.deepEqual(
    importCycles(
      new Map([
        [a, [b]],
        [b, []],
      ]),
    ),
    [],
  );
});

test("no module of shared/, server/ or client/ imports itself back", () => {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(repoRoot, folder)));
  const graph = new Map(files.map((file) => [file, valueImports(file, readFileSync(file, "utf8"))]));
  const cycles = importCycles(graph).map((group) => group.map((file) => relative(repoRoot, file)).sort());
  assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((group) => group.join(" → ")).join("\n")}`);
});
