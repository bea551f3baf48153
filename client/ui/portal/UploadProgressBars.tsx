import { useTranslation } from "react-i18next";
import { formatBytes } from "./format.ts";
import type { UploadState } from "./useModelUpload.ts";

/** Two bars: the bytes sent (from XHR), then the server's processing stages (polled). */
export function UploadProgressBars({ state }: { state: Exclude<UploadState, { phase: "idle" }> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sent = state.totalBytes > 0 ? Math.min(1, state.sentBytes / state.totalBytes) : 0;
  const failed = state.phase === "rejected";
  const stage = failed && state.processing ? "failed" : (state.processing?.stage ?? "waiting");
  const processed = state.phase === "done" ? 1 : (state.processing?.fraction ?? 0);
  const sending = state.phase === "sending";
  return (
    <div className="progress" data-testid="upload-progress" data-phase={state.phase}>
      <Bar
        label={t("portal.upload.sending")}
        fraction={sent}
        detail={t("portal.upload.sent", {
          sent: formatBytes(state.sentBytes, locale),
          total: formatBytes(state.totalBytes, locale),
        })}
        testId="bytes-progress"
        active={sending}
      />
      <Bar
        label={t("portal.upload.processing")}
        fraction={processed}
        detail={t(`portal.stage.${stage}`)}
        testId="processing-progress"
        active={state.phase === "processing"}
        failed={failed && state.processing !== null}
        stage={stage}
      />
    </div>
  );
}

function Bar({
  label,
  fraction,
  detail,
  testId,
  active,
  failed = false,
  stage,
}: {
  label: string;
  fraction: number;
  detail: string;
  testId: string;
  active: boolean;
  failed?: boolean;
  stage?: string;
}) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="progress__row" data-active={active} data-failed={failed}>
      <div className="progress__label">
        <span>{label}</span>
        <span className="progress__detail">{detail}</span>
      </div>
      <div
        className="progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid={testId}
        data-stage={stage}
      >
        <div className="progress__fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
    </div>
  );
}
