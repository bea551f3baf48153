import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useChatStore } from "../../stores/chatStore.ts";

/**
 * Why the last line was not sent, in the reader's language (the server's own message is the
 * fallback for a code we do not know). A rate limit counts down to when writing works again.
 */
export function RefusalNote() {
  const { t } = useTranslation();
  const refusal = useChatStore((s) => s.refusal);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!refusal?.retryAfterMs) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [refusal]);
  if (!refusal) return null;
  let text: string;
  if (refusal.code === "rate_limited" && refusal.retryAfterMs) {
    const left = Math.ceil((refusal.at + refusal.retryAfterMs - now) / 1000);
    text =
      left > 0
        ? t("host.chat.refused.rate_limited_in", { seconds: left })
        : t("host.chat.refused.rate_limited");
  } else {
    text = t(`host.chat.refused.${refusal.code}`, { defaultValue: refusal.message, max: 280 });
  }
  return (
    <p className="chat__refusal" role="alert" data-testid="chat-refusal" data-code={refusal.code}>
      {text}
    </p>
  );
}
