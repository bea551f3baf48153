import { type ReactNode, useEffect, useRef } from "react";
import type { ViewerInfo } from "./viewerInfo.ts";

/** Reports a product built on the client as ready once it has mounted (after its environment loaded). */
export function ProceduralReady({
  onInfo,
  children,
}: {
  onInfo: (info: ViewerInfo) => void;
  children: ReactNode;
}) {
  const report = useRef(onInfo);
  report.current = onInfo;
  useEffect(() => {
    report.current({ status: "ready", variants: [], triangles: 0, receivedBytes: 0, expectedBytes: 0 });
  }, []);
  return <>{children}</>;
}
