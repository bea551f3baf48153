import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { clienteling as api } from "../../../shared/api/index.ts";
import type { QueueStatus } from "../../../shared/clienteling/queue.ts";
import { callApi } from "../../net/api.ts";

/** How often a waiting shopper's place is read again (a UI rate: the line moves in minutes). */
const POLL_MS = 5000;

/**
 * "An advisor now": joins the maison's live queue, shows the place in line and the honest wait as
 * they change, and the way into the salon once an advisor has taken the shopper.
 */
export function LiveQueuePanel({ brandId, waitMinutes }: { brandId: string; waitMinutes: number | null }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<QueueStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = status?.status === "waiting";

  useEffect(() => {
    if (!waiting) return;
    let live = true;
    const id = setInterval(() => {
      callApi(api.queueStatus, { params: { brandId } })
        .then((next) => live && setStatus(next))
        .catch((e: unknown) => live && setMessage(e instanceof Error ? e.message : String(e)));
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [waiting, brandId]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const join = () =>
    run(async () => {
      const answer = await callApi(api.joinQueue, { params: { brandId } });
      if (answer.outcome === "queued") setStatus(answer.queue);
      else setMessage(t("host.handoff.nobodyOnline"));
    });
  const leave = () =>
    run(async () => {
      await callApi(api.leaveQueue, { params: { brandId } });
      setStatus(null);
    });

  return (
    <div className="live-queue" data-testid="live-queue" data-status={status?.status ?? "none"}>
      {status === null ? (
        <>
          {waitMinutes !== null ? (
            <p className="live-queue__note">{t("host.handoff.liveNow", { wait: waitMinutes })}</p>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void join()}
          >
            {t("host.handoff.join")}
          </button>
        </>
      ) : null}
      {waiting ? (
        <>
          <p className="live-queue__note" role="status">
            {t("host.handoff.waiting", {
              position: status.position ?? 1,
              wait: status.estimatedWaitMinutes ?? 0,
            })}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void leave()}>
            {t("host.handoff.leave")}
          </button>
        </>
      ) : null}
      {status?.status === "taken" && status.appointmentId ? (
        <>
          <p className="live-queue__note" role="status">
            {t("host.handoff.taken")}
          </p>
          {/* A document load, not a client route: /salon's own Permissions-Policy allows the camera. */}
          <a className="button button--primary" href={`/salon/${encodeURIComponent(status.appointmentId)}`}>
            {t("clienteling.salon.enter")}
          </a>
        </>
      ) : null}
      {message ? (
        <p className="live-queue__note" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}
