/**
 * The source model of Aubrelle's "Étoile" keepsake: a faceted five-pointed star in polished
 * platinum, built here as a small glTF binary (60 vertices, 20 flat-shaded facets) and then run
 * through the brand model pipeline like any upload. Building it costs a few milliseconds and keeps
 * a jeweller's keepsake from being a borrowed pocket watch.
 */
import { Document, NodeIO } from "@gltf-transform/core";

const POINTS = 5;
/** Metres: tip radius, notch radius, and how far each face's centre rises (the facets' slope). */
const OUTER = 0.5;
const INNER = 0.21;
const RISE = 0.13;

type Vec3 = [number, number, number];

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function faceNormal(a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const u = sub(b, a);
  const v = sub(c, a);
  const n: Vec3 = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const length = Math.hypot(n[0], n[1], n[2]);
  return [n[0] / length, n[1] / length, n[2] / length];
}

/** The star standing upright (points in the XY plane, one tip up), as GLB bytes. */
export async function buildStarGlb(): Promise<Uint8Array> {
  const rim: Vec3[] = [];
  for (let i = 0; i < POINTS * 2; i++) {
    const angle = Math.PI / 2 + (i * Math.PI) / POINTS;
    const radius = i % 2 === 0 ? OUTER : INNER;
    rim.push([Math.cos(angle) * radius, Math.sin(angle) * radius, 0]);
  }
  const front: Vec3 = [0, 0, RISE];
  const back: Vec3 = [0, 0, -RISE];
  const positions: number[] = [];
  const normals: number[] = [];
  const addTriangle = (a: Vec3, b: Vec3, c: Vec3) => {
    const n = faceNormal(a, b, c);
    for (const p of [a, b, c]) {
      positions.push(...p);
      normals.push(...n);
    }
  };
  rim.forEach((current, i) => {
    const next = rim[(i + 1) % rim.length] as Vec3;
    addTriangle(front, current, next);
    addTriangle(back, next, current);
  });

  const document = new Document();
  const buffer = document.createBuffer();
  const position = document
    .createAccessor("position")
    .setType("VEC3")
    .setArray(new Float32Array(positions))
    .setBuffer(buffer);
  const normal = document
    .createAccessor("normal")
    .setType("VEC3")
    .setArray(new Float32Array(normals))
    .setBuffer(buffer);
  const platinum = document
    .createMaterial("Platinum")
    .setBaseColorFactor([0.9, 0.89, 0.87, 1])
    .setMetallicFactor(1)
    .setRoughnessFactor(0.16);
  const primitive = document
    .createPrimitive()
    .setAttribute("POSITION", position)
    .setAttribute("NORMAL", normal)
    .setMaterial(platinum);
  const mesh = document.createMesh("Etoile").addPrimitive(primitive);
  const node = document.createNode("Etoile").setMesh(mesh);
  document.createScene("Etoile").addChild(node);
  return new NodeIO().writeBinary(document);
}
