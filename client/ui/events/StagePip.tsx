/**
 * The presenter's video as a picture-in-picture over the stage: a small inset that stays readable
 * when the camera in the hall looks away from the screen, with the browser's own floating window a
 * click away. Always muted: the stage's screen carries the sound, once.
 */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export function StagePip({ stream, framesDecoded }: { stream: MediaStream; framesDecoded: number }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    return () => {
      element.srcObject = null;
    };
  }, [stream]);
  const receiving = framesDecoded > 0;
  const floatable = typeof document !== "undefined" && document.pictureInPictureEnabled === true;
  return (
    <figure
      className="event-pip"
      data-testid="event-pip"
      data-frames={framesDecoded}
      aria-label={t("events.live.video")}
    >
      <video ref={video} muted playsInline autoPlay />
      <figcaption>
        <span className={receiving ? "event-pip__live" : undefined}>
          {receiving ? t("events.live.videoLive") : t("events.live.videoConnecting")}
        </span>
        {floatable ? (
          <button
            type="button"
            className="event-pip__float"
            onClick={() => void video.current?.requestPictureInPicture().catch(() => undefined)}
          >
            {t("events.live.videoFloat")}
          </button>
        ) : null}
      </figcaption>
    </figure>
  );
}
