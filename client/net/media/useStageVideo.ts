/**
 * React: watch a stage with a grant (or nothing while there is none) and get its MediaStream and
 * state; the viewer stops when the grant changes or the component unmounts.
 */
import { useEffect, useState } from "react";
import type { StageWatchGrant } from "../../../shared/media.ts";
import { type ViewerState, watchStage } from "./stageViewer.ts";

export function useStageVideo(grant: StageWatchGrant | null): {
  stream: MediaStream | null;
  state: ViewerState | "idle" | "error";
} {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [state, setState] = useState<ViewerState | "idle" | "error">("idle");
  useEffect(() => {
    if (!grant) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    watchStage(grant, {
      onState: setState,
      // A new object so React sees the change (the tracks of one MediaStream change in place).
      onStream: (s) => setStream(s.getTracks().length > 0 ? new MediaStream(s.getTracks()) : null),
    }).then(
      (viewer) => {
        if (cancelled) viewer.stop();
        else stop = viewer.stop;
      },
      () => setState("error"),
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [grant]);
  return { stream, state };
}
