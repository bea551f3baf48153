import { useEffect, useMemo } from "react";
import {
  CanvasTexture,
  MeshBasicMaterial,
  PlaneGeometry,
  SRGBColorSpace,
  type Texture,
  VideoTexture,
} from "three";
import { stageScreen } from "./eventStageHook.ts";
import { SCREEN } from "./stageGeometry.ts";

/** The screen's words when no video plays: the show's title and a line under it. */
export type ScreenCard = { eyebrow: string; title: string; caption: string };

function paintCard(card: ScreenCard): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = 1280;
  canvas.height = 720;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    const bg = ctx.createLinearGradient(0, 0, 0, 720);
    bg.addColorStop(0, "#1b1a2b");
    bg.addColorStop(1, "#0d0c14");
    ctx.fillStyle = bg;
    ctx.fillRect(0, 0, 1280, 720);
    const glow = ctx.createRadialGradient(640, 330, 30, 640, 330, 560);
    glow.addColorStop(0, "rgba(214, 170, 110, 0.30)");
    glow.addColorStop(1, "rgba(13, 12, 20, 0)");
    ctx.fillStyle = glow;
    ctx.fillRect(0, 0, 1280, 720);
    ctx.strokeStyle = "rgba(200, 163, 97, 0.7)";
    ctx.lineWidth = 3;
    ctx.strokeRect(40, 40, 1200, 640);
    ctx.textAlign = "center";
    ctx.fillStyle = "#c8a361";
    ctx.font = "600 34px Inter, sans-serif";
    ctx.fillText(card.eyebrow.toUpperCase(), 640, 270);
    ctx.fillStyle = "#f4ede1";
    ctx.font = "italic 500 76px 'Cormorant Garamond', Georgia, serif";
    ctx.fillText(card.title, 640, 370, 1120);
    ctx.fillStyle = "rgba(244, 237, 225, 0.75)";
    ctx.font = "400 32px Inter, sans-serif";
    ctx.fillText(card.caption, 640, 450, 1120);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/**
 * A video element playing the stream: muted when asked (the presenter must not hear themself
 * back), and otherwise only if the page may not play sound yet.
 */
function videoFor(stream: MediaStream, muted: boolean): HTMLVideoElement {
  const video = document.createElement("video");
  video.playsInline = true;
  video.autoplay = true;
  video.muted = muted;
  video.srcObject = stream;
  video.play().catch(() => {
    // Autoplay with sound refused (no gesture yet): show the picture muted rather than nothing.
    video.muted = true;
    void video.play().catch(() => undefined);
  });
  return video;
}

/**
 * The stage's screen: the presenter's video (a VideoTexture of the stream) while there is one,
 * the show's title card otherwise. Unlit, so it glows in the dim hall as a screen does.
 */
export function StageScreen({
  stream,
  card,
  muted = false,
}: {
  stream: MediaStream | null;
  card: ScreenCard;
  /** Play the picture without its sound (the presenter's own page). */
  muted?: boolean;
}) {
  const geometry = useMemo(() => new PlaneGeometry(SCREEN.width, SCREEN.height), []);
  const material = useMemo(() => new MeshBasicMaterial({ toneMapped: false, fog: false }), []);
  const { eyebrow, title, caption } = card;
  const cardMap = useMemo(() => paintCard({ eyebrow, title, caption }), [eyebrow, title, caption]);
  useEffect(() => {
    let map: Texture = cardMap;
    let video: HTMLVideoElement | null = null;
    if (stream) {
      video = videoFor(stream, muted);
      map = new VideoTexture(video);
      map.colorSpace = SRGBColorSpace;
      stageScreen.video = video;
    }
    material.map = map;
    material.needsUpdate = true;
    return () => {
      if (video) {
        video.pause();
        video.srcObject = null;
        map.dispose();
        if (stageScreen.video === video) stageScreen.video = null;
      }
    };
  }, [stream, cardMap, material, muted]);
  useEffect(() => () => cardMap.dispose(), [cardMap]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  return <mesh geometry={geometry} material={material} position={[SCREEN.x, SCREEN.y, SCREEN.z]} />;
}
