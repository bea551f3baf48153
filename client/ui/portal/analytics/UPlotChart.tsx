import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartSpec } from "./analyticsCharts.ts";

/**
 * Mounts one uPlot chart from a spec (analyticsCharts.ts) at the width of its box. The series drawn
 * are also written to `data-series`, so a reader of the page (and its tests) can check what the
 * canvas shows. `spec` must be memoised by the caller: a new spec redraws the chart.
 */
export function UPlotChart({
  spec,
  height,
  label,
  testId,
}: {
  spec: ChartSpec;
  height: number;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot({ ...spec.options, width: el.clientWidth || 640, height }, spec.data, el);
    // The portal's column changes width with the window: the chart follows it.
    const observer = new ResizeObserver(() => {
      if (el.clientWidth > 0) chart.setSize({ width: el.clientWidth, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [spec, height]);
  const series = spec.data.slice(1).map((s) => Array.from(s as ArrayLike<number | null>).join(","));
  return (
    <div
      ref={box}
      className="analytics-chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-series={series.join("|")}
    />
  );
}
