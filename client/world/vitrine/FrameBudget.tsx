import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { frameControl } from "./vitrineHook.ts";

/** Frames per second the gallery is drawn at on a software rasterizer. */
const SOFTWARE_FPS = 8;

/**
 * Renderless: on a software rasterizer the gallery renders on demand, woken a few times a second,
 * instead of as fast as it can: avatars still move, and the page (and the machine) stay responsive.
 * The test hook's `holdFrames` pauses it for screenshots.
 */
export function FrameBudget({ software }: { software: boolean }) {
  const setFrameloop = useThree((s) => s.setFrameloop);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!software) return;
    setFrameloop("demand");
    const timer = setInterval(() => {
      if (!frameControl.held) invalidate();
    }, 1000 / SOFTWARE_FPS);
    return () => clearInterval(timer);
  }, [software, setFrameloop, invalidate]);
  return null;
}
