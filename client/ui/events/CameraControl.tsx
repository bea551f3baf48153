/**
 * The presenter's camera in the console: "Go on camera" asks the server for a publish grant
 * (POST /api/events/:id/media, presenters only) and publishes camera and microphone into the
 * stage's Janus room, where every shard's viewers receive them; "Stop camera" unpublishes and
 * releases the devices (as leaving the page does). A server without Janus says so, and the show
 * goes on with the stage, the host and the chat.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { events } from "../../../shared/api/index.ts";
import { callApi } from "../../net/api.ts";
import { publishToStage, type StagePublisher } from "../../net/media/stagePublisher.ts";
import { isVideoOff } from "./useEventVideo.ts";

type CameraState =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "on"; publisher: StagePublisher; live: boolean; micOn: boolean }
  | { kind: "off_here" }
  | { kind: "failed"; reason: string };

export function CameraControl({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CameraState>({ kind: "idle" });
  const preview = useRef<HTMLVideoElement>(null);
  const current = useRef<StagePublisher | null>(null);

  // Leaving the page (or the show) takes the presenter off camera.
  useEffect(
    () => () => {
      current.current?.stop();
      current.current = null;
    },
    [],
  );
  const publisher = state.kind === "on" ? state.publisher : null;
  useEffect(() => {
    if (preview.current && publisher) preview.current.srcObject = publisher.localStream;
  }, [publisher]);

  const start = async () => {
    setState({ kind: "starting" });
    try {
      const grant = await callApi(events.eventMedia, { params: { eventId }, body: { role: "publish" } });
      if (grant.type !== "publish") throw new Error("the server granted watching, not publishing");
      const started = await publishToStage(grant, {
        onState: (s, detail) =>
          setState((prev) => {
            if (prev.kind !== "on") return prev;
            if (s === "live") return { ...prev, live: true };
            // ICE gave up mid-show: say so, and offer to go on camera again.
            if (s === "failed") {
              prev.publisher.stop();
              return { kind: "failed", reason: detail ?? "ice" };
            }
            return prev;
          }),
      });
      current.current = started;
      setState({ kind: "on", publisher: started, live: started.state() === "live", micOn: true });
    } catch (error) {
      if (isVideoOff(error)) setState({ kind: "off_here" });
      else setState({ kind: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const stop = () => {
    current.current?.stop();
    current.current = null;
    setState({ kind: "idle" });
  };

  return (
    <div className="event-camera" data-testid="event-camera" data-state={state.kind}>
      <div className="event-page__actions">
        {state.kind === "on" ? (
          <>
            <button type="button" className="button" onClick={stop}>
              {t("events.console.cameraStop")}
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={!state.micOn}
              onClick={() => {
                state.publisher.setMicrophoneEnabled(!state.micOn);
                setState({ ...state, micOn: !state.micOn });
              }}
            >
              {state.micOn ? t("events.console.micMute") : t("events.console.micUnmute")}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={state.kind === "starting"}
            onClick={() => void start()}
          >
            {state.kind === "starting" ? t("events.console.cameraStarting") : t("events.console.cameraGo")}
          </button>
        )}
      </div>
      {state.kind === "on" ? (
        <>
          <video
            ref={preview}
            className="event-camera__preview"
            muted
            playsInline
            autoPlay
            aria-label={t("events.console.cameraPreview")}
          />
          <p role="status" data-testid="event-camera-status" data-live={state.live}>
            {state.live ? t("events.console.cameraLive") : t("events.console.cameraStarting")}
          </p>
        </>
      ) : null}
      {state.kind === "off_here" ? <p role="status">{t("events.console.cameraNotConfigured")}</p> : null}
      {state.kind === "failed" ? (
        <p role="alert">{t("events.console.cameraFailed", { reason: state.reason })}</p>
      ) : null}
    </div>
  );
}
