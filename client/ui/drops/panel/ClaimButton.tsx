import { useTranslation } from "react-i18next";
import { useDropStore } from "../../../stores/dropStore.ts";
import { isActionable } from "../claimState.ts";
import { claimWords } from "../claimWords.ts";
import { formatCountdown, secondsUntil } from "../dropTimeline.ts";
import { formatInstant } from "../formatInstant.ts";
import type { ClaimControl } from "../useClaimControl.ts";

/**
 * The accessible claim button, with the server's answer under it: a refusal in the server's words
 * (and, when it is not open yet, when the caller's window opens), or a failure that kept the intent.
 */
export function ClaimButton({ control }: { control: ClaimControl }) {
  const { t, i18n } = useTranslation();
  const refusal = useDropStore((s) => s.refusal);
  const actionError = useDropStore((s) => s.actionError);
  const { state, busy, act, remaining, serverNowMs } = control;
  const words = claimWords(state, t, remaining, serverNowMs);
  const pressable = isActionable(state) || state.kind === "signIn";
  return (
    <div className="drop-claim">
      <button
        type="button"
        className="button button--primary drop-claim__button"
        data-testid="drop-claim"
        data-state={state.kind}
        disabled={!pressable || busy}
        aria-busy={busy}
        onClick={act}
      >
        {busy ? t("drops.claim.sending") : words.action}
      </button>
      {words.detail ? <p className="drop-claim__detail">{words.detail}</p> : null}
      <div aria-live="assertive">
        {refusal ? (
          <div className="drop-refusal" role="alert" data-testid="drop-refusal" data-reason={refusal.reason}>
            <p className="drop-refusal__reason">{t(`drops.refusal.${refusal.reason}`)}</p>
            <p className="drop-refusal__message">{refusal.message}</p>
            {refusal.opensAt ? (
              <p className="drop-refusal__opens" data-testid="drop-refusal-opens">
                {Date.parse(refusal.opensAt) > serverNowMs
                  ? t("drops.refusal.opensAt", {
                      time: formatInstant(refusal.opensAt, i18n.language, serverNowMs),
                      left: formatCountdown(secondsUntil(Date.parse(refusal.opensAt), serverNowMs)),
                    })
                  : t("drops.refusal.openNow")}
              </p>
            ) : null}
          </div>
        ) : null}
        {actionError ? (
          <p className="drop-refusal drop-refusal--error" role="alert">
            {actionError}
          </p>
        ) : null}
      </div>
    </div>
  );
}
