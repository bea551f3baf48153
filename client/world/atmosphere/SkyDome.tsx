import { useMemo } from "react";
import { BackSide, Color, ShaderMaterial, Vector3 } from "three";
import { DUSK, GLOW_DIRECTION } from "./palette.ts";

const vertexShader = /* glsl */ `
varying vec3 vDir;
void main() {
  vDir = normalize(position);
  vec4 p = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_Position = p.xyww; // always at the far plane
}`;

const fragmentShader = /* glsl */ `
uniform vec3 zenith; uniform vec3 upper; uniform vec3 mid; uniform vec3 horizon; uniform vec3 glow;
uniform vec3 glowDir;
varying vec3 vDir;
float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
void main() {
  vec3 d = normalize(vDir);
  float h = max(d.y, 0.0);
  vec3 col = mix(horizon, mid, smoothstep(0.0, 0.16, h));
  col = mix(col, upper, smoothstep(0.12, 0.45, h));
  col = mix(col, zenith, smoothstep(0.4, 1.0, h));
  // Afterglow: a warm band hugging the horizon, strongest towards the set sun.
  float toward = max(dot(normalize(vec3(d.x, 0.0, d.z)), normalize(vec3(glowDir.x, 0.0, glowDir.z))), 0.0);
  float band = exp(-h * 9.0) * (0.25 + 0.75 * pow(toward, 3.0));
  col = mix(col, glow, clamp(band, 0.0, 1.0) * 0.85);
  // A few faint stars high up.
  vec2 cell = floor(d.xz / (d.y + 0.35) * 160.0);
  float star = step(0.9975, hash(cell)) * smoothstep(0.35, 0.8, h);
  col += vec3(star) * 0.6;
  gl_FragColor = vec4(col, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}`;

/** A gradient dusk sky on a large sphere that follows nothing: fog-free and always behind. */
export function SkyDome() {
  const material = useMemo(
    () =>
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        side: BackSide,
        depthWrite: false,
        fog: false,
        uniforms: {
          zenith: { value: new Color(DUSK.zenith) },
          upper: { value: new Color(DUSK.upper) },
          mid: { value: new Color(DUSK.mid) },
          horizon: { value: new Color(DUSK.horizon) },
          glow: { value: new Color(DUSK.glow) },
          glowDir: { value: new Vector3(...GLOW_DIRECTION).normalize() },
        },
      }),
    [],
  );
  return (
    <mesh material={material} renderOrder={-1} frustumCulled={false}>
      <sphereGeometry args={[400, 32, 16]} />
    </mesh>
  );
}
