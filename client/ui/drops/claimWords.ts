import type { TFunction } from "i18next";
import type { ClaimState } from "./claimState.ts";
import { formatCountdown, secondsUntil } from "./dropTimeline.ts";

/** The words of the claim control: the action (button, plaque title) and a short detail line. */
export function claimWords(
  state: ClaimState,
  t: TFunction,
  remaining: number,
  serverNowMs: number,
): { action: string; detail: string } {
  switch (state.kind) {
    case "loading":
      return { action: t("drops.claim.loading"), detail: "" };
    case "signIn":
      return { action: t("drops.claim.signIn"), detail: t("drops.claim.signInDetail") };
    case "notYet":
      return {
        action: t("drops.claim.notYet"),
        detail: state.opensAt
          ? t("drops.claim.opensIn", {
              time: formatCountdown(secondsUntil(Date.parse(state.opensAt), serverNowMs)),
            })
          : t("drops.claim.notYetDetail"),
      };
    case "claim":
      return { action: t("drops.claim.claim"), detail: t("drops.stock.left", { count: remaining }) };
    case "enter":
      return { action: t("drops.claim.enter"), detail: t("drops.claim.enterDetail") };
    case "entered":
      return { action: t("drops.claim.entered"), detail: t("drops.claim.enteredDetail") };
    case "entriesClosed":
      return { action: t("drops.claim.entriesClosed"), detail: t("drops.claim.entriesClosedDetail") };
    case "drawn":
      return {
        action: t("drops.claim.drawn"),
        detail: state.won ? t("drops.claim.drawnWon") : t("drops.claim.drawnDetail"),
      };
    case "limitReached":
      return { action: t("drops.claim.limitReached"), detail: t("drops.claim.limitReachedDetail") };
    case "soldOut":
      return { action: t("drops.claim.soldOut"), detail: t("drops.claim.soldOutDetail") };
    case "ended":
      return { action: t("drops.claim.ended"), detail: "" };
  }
}
