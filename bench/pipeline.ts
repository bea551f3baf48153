/**
 * Model pipeline benchmark: for each real model (the repo's assets and the test fixtures), the
 * seconds to validate and optimize it, and the byte ratio of the served file and of its LOD to the
 * original. Runs the pipeline in this process (the server runs the same code in a worker thread).
 */

import { loadConfig } from "../server/config.ts";
import { modelLimitsFromConfig } from "../server/models/modelLimits.ts";
import { runModelPipeline } from "../server/models/modelPipeline.ts";
import { REAL_MODELS, readModel } from "../tests/integration/models-fixtures.ts";

type Row = {
  model: string;
  seconds: number;
  inputBytes: number;
  outputBytes: number;
  /** Served (optimized) file over the original. */
  outputRatio: number;
  lodBytes: number;
  lodRatio: number;
  triangles: number;
  lodTriangles: number;
  textureMemoryBeforeMiB: number;
  textureMemoryAfterMiB: number;
};

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

export async function benchPipeline(): Promise<Row[]> {
  const limits = modelLimitsFromConfig(loadConfig({}));
  const options = { limits, lodRatio: 0.25, lodTextureEdge: Math.round(limits.optimizedTextureEdge / 4) };
  // Warm-up: loading the codecs (Draco, meshopt) and sharp is paid once per worker, not per model.
  const smallest = REAL_MODELS.find((m) => m.name === "RobotExpressive.glb") ?? REAL_MODELS[0];
  if (smallest) await runModelPipeline([{ name: smallest.name, bytes: readModel(smallest.path) }], options);

  const rows: Row[] = [];
  for (const model of REAL_MODELS) {
    const bytes = readModel(model.path);
    const started = performance.now();
    const result = await runModelPipeline([{ name: model.name, bytes }], options);
    const seconds = (performance.now() - started) / 1000;
    rows.push({
      model: model.name,
      seconds: round(seconds, 2),
      inputBytes: bytes.byteLength,
      outputBytes: result.optimized.byteLength,
      outputRatio: round(result.optimized.byteLength / bytes.byteLength, 3),
      lodBytes: result.lod.byteLength,
      lodRatio: round(result.lod.byteLength / bytes.byteLength, 3),
      triangles: result.after.triangles,
      lodTriangles: result.lodFigures.triangles,
      textureMemoryBeforeMiB: mib(result.before.textureMemoryBytes),
      textureMemoryAfterMiB: mib(result.after.textureMemoryBytes),
    });
  }
  const input = rows.reduce((s, r) => s + r.inputBytes, 0);
  const output = rows.reduce((s, r) => s + r.outputBytes, 0);
  const lod = rows.reduce((s, r) => s + r.lodBytes, 0);
  rows.push({
    model: "(all)",
    seconds: round(
      rows.reduce((s, r) => s + r.seconds, 0),
      2,
    ),
    inputBytes: input,
    outputBytes: output,
    outputRatio: round(output / input, 3),
    lodBytes: lod,
    lodRatio: round(lod / input, 3),
    triangles: rows.reduce((s, r) => s + r.triangles, 0),
    lodTriangles: rows.reduce((s, r) => s + r.lodTriangles, 0),
    textureMemoryBeforeMiB: round(
      rows.reduce((s, r) => s + r.textureMemoryBeforeMiB, 0),
      1,
    ),
    textureMemoryAfterMiB: round(
      rows.reduce((s, r) => s + r.textureMemoryAfterMiB, 0),
      1,
    ),
  });
  return rows;
}
