import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHostStore } from "../../stores/hostStore.ts";
import { hostLineText } from "../../world/host/hostLineText.ts";

/**
 * A polite live region that reads each new host line (drawn in 3D as a bubble a screen reader
 * cannot see) in the reader's language, without moving focus. One line per line id: a line that
 * stays on screen is not read again.
 */
export function HostAnnouncer() {
  const { t } = useTranslation();
  const line = useHostStore((s) => s.line);
  const name = useHostStore((s) => s.info?.name ?? s.status?.name ?? "");
  const [spoken, setSpoken] = useState<{ id: number; text: string } | null>(null);
  useEffect(() => {
    if (line && line.id !== spoken?.id) setSpoken({ id: line.id, text: hostLineText(line.text) });
  }, [line, spoken]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="host-announcer">
      {spoken ? t("a11y.announce.host", { name, text: spoken.text }) : ""}
    </div>
  );
}
