let cached: boolean | null = null;

/**
 * Whether WebGL runs on a software rasterizer (SwiftShader, llvmpipe…), read once from a throwaway
 * context. There multisampling costs more than everything else in a scene put together, so the
 * avenue and the drop stage turn it off (and the avenue keeps to one device pixel per CSS pixel).
 */
export function isSoftwareRenderer(): boolean {
  if (cached !== null) return cached;
  cached = false;
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    cached = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
    gl?.getExtension("WEBGL_lose_context")?.loseContext();
  } catch {
    // no answer: assume hardware
  }
  return cached;
}
