import { useTranslation } from "react-i18next";
import { useWorldStore } from "../stores/worldStore.ts";

function megabytes(bytes: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
}

/** Covers the scene until the catalog's models have arrived, with progress in real bytes. */
export function LoadingScreen() {
  const { t, i18n } = useTranslation();
  const loading = useWorldStore((s) => s.loading);
  const hasCatalog = useWorldStore((s) => s.catalog !== null);
  if (loading.done) return null;
  const ratio = loading.totalBytes > 0 ? Math.min(1, loading.loadedBytes / loading.totalBytes) : 0;
  // Until the street's chunk has arrived and named its models, there is no total to show.
  const waiting = loading.totalBytes === 0;
  return (
    <div
      className="loading"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      data-testid="loading"
    >
      <div className="loading__brand">{t("brand.name")}</div>
      <div className="loading__tagline">{t(hasCatalog ? "loading.opening" : "loading.catalog")}</div>
      <div className={waiting ? "loading__bar loading__bar--waiting" : "loading__bar"}>
        <div className="loading__fill" style={waiting ? undefined : { transform: `scaleX(${ratio})` }} />
      </div>
      <div className={waiting ? "loading__figures loading__figures--waiting" : "loading__figures"}>
        {t("loading.progress", {
          loaded: megabytes(loading.loadedBytes, i18n.language),
          total: megabytes(loading.totalBytes, i18n.language),
        })}
      </div>
    </div>
  );
}
