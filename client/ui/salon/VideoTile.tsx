import { useEffect, useRef } from "react";

/** One person's video in the salon (their name beneath); our own is muted and mirrored. */
export function VideoTile({
  stream,
  name,
  self,
  testId,
}: {
  stream: MediaStream | null;
  name: string;
  self: boolean;
  testId: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    v.srcObject = stream;
    if (stream) void v.play().catch(() => undefined);
  }, [stream]);
  return (
    <figure className={`salon-video${self ? " salon-video--self" : ""}`} data-testid={testId}>
      <video ref={video} autoPlay playsInline muted={self} />
      <figcaption>{name}</figcaption>
    </figure>
  );
}
