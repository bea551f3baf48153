import { useEffect, useMemo } from "react";
import { CanvasTexture, MeshBasicMaterial, PlaneGeometry, SRGBColorSpace } from "three";

/** Paints a soft warm halo on near-black, like a lamp grazing a lacquered wall. */
function paintHalo(): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = 512;
  canvas.height = 256;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.fillStyle = "#0c0d13";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const halo = ctx.createRadialGradient(256, 120, 8, 256, 120, 240);
    halo.addColorStop(0, "rgba(201, 160, 100, 0.42)");
    halo.addColorStop(0.45, "rgba(120, 92, 64, 0.16)");
    halo.addColorStop(1, "rgba(12, 13, 19, 0)");
    ctx.fillStyle = halo;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // Darken towards the floor so the wall meets it without a bright seam.
    // The floor meets the wall at row ~222 (the plane spans y -0.8…5.2): fully dark by then.
    const foot = ctx.createLinearGradient(0, 110, 0, 212);
    foot.addColorStop(0, "rgba(12, 13, 19, 0)");
    foot.addColorStop(1, "rgba(12, 13, 19, 1)");
    ctx.fillStyle = foot;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/**
 * The wall behind the pedestal: one unlit quad with a warm halo behind the piece, so the silhouette
 * reads against the dark without another light. Fog is off for it: it is the far plane of the room.
 */
export function DropBackdrop() {
  const res = useMemo(() => {
    const map = paintHalo();
    return {
      map,
      geometry: new PlaneGeometry(12, 6),
      material: new MeshBasicMaterial({ map, fog: false, toneMapped: false }),
    };
  }, []);
  useEffect(
    () => () => {
      res.map.dispose();
      res.geometry.dispose();
      res.material.dispose();
    },
    [res],
  );
  return <mesh geometry={res.geometry} material={res.material} position={[0, 2.2, -3.2]} />;
}
