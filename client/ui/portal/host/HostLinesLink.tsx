import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import "./hostLines.css";

/** The way from a brand's workspace to its host lines (rendered inside the brand's nested routes). */
export function HostLinesLink() {
  const { t } = useTranslation();
  return (
    <div className="host-lines__entry">
      <Link href="/host" className="host-lines__entryLink" data-testid="host-lines-link">
        ✦ {t("host.portal.nav")}
      </Link>
    </div>
  );
}
