/**
 * The dusk palette, in one place so sky, fog and lights agree. Colours are sRGB hex; three converts
 * them to linear. The fog colour equals the sky's horizon so distant facades melt into it.
 */
export const DUSK = {
  zenith: "#0a0d2a",
  upper: "#1d1f4d",
  mid: "#4a3d72",
  horizon: "#7a5f86",
  /** Afterglow of the set sun, low in the sky at the far end of the avenue (-z). */
  glow: "#f09a6a",
  fog: "#56496e",
  fogDensity: 0.0105,
  hemisphereSky: "#8a95d6",
  hemisphereGround: "#3b2b26",
  key: "#ffb889",
  lampLight: "#ffcf8f",
} as const;

/** Direction (normalised later) towards the afterglow: low, down the avenue. */
export const GLOW_DIRECTION: [number, number, number] = [-0.15, 0.12, -1];
