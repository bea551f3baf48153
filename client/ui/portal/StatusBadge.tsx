import { useTranslation } from "react-i18next";
import type { ProductStatus } from "../../../shared/models.ts";

/** Draft, published, or published with changes waiting: a small typographic badge. */
export function StatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {t(`portal.status.${status}`)}
    </span>
  );
}
