import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { localize } from "../../../shared/money.ts";
import { FiguresTable } from "./FiguresTable.tsx";
import { formatBytes, formatCount } from "./format.ts";
import { usePortalStore } from "./portalStore.ts";
import { WarningsList } from "./WarningsList.tsx";

/** The brand's accepted uploads, newest first: what each weighs now, and which products use it. */
export function ModelsSection({ editable }: { editable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const models = usePortalStore((s) => s.models);
  const products = usePortalStore((s) => s.products);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="models-title">
      <div className="section__head">
        <h2 id="models-title" className="section__title">
          {t("portal.models.title")}
        </h2>
        {editable ? (
          <Link href="/upload" className="button button--primary">
            {t("portal.models.upload")}
          </Link>
        ) : null}
      </div>
      {models.length === 0 ? <p className="section__empty">{t("portal.models.empty")}</p> : null}
      <ul className="models">
        {models.map((m) => {
          const users = products.filter((p) => p.modelId === m.id);
          const expanded = open === m.id;
          return (
            <li key={m.id} className="model" data-model-id={m.id}>
              <div className="model__head">
                <div>
                  <span className="model__name">{m.fileName}</span>
                  <span className="model__date">
                    {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
                      new Date(m.createdAt),
                    )}
                  </span>
                </div>
                <div className="model__figures">
                  <span>
                    {formatBytes(m.before.bytes, locale)} → {formatBytes(m.after.bytes, locale)}
                  </span>
                  <span>
                    {t("portal.models.triangles", {
                      count: m.after.triangles,
                      n: formatCount(m.after.triangles, locale),
                    })}
                  </span>
                  {m.variantNames.length > 0 ? (
                    <span>{t("portal.models.variants", { names: m.variantNames.join(", ") })}</span>
                  ) : null}
                </div>
              </div>
              <div className="model__actions">
                <span className="model__used">
                  {users.length > 0
                    ? t("portal.models.usedBy", {
                        names: users.map((p) => localize(p.name, locale)).join(", "),
                      })
                    : t("portal.models.unused")}
                </span>
                <button
                  type="button"
                  className="button button--link"
                  aria-expanded={expanded}
                  onClick={() => setOpen(expanded ? null : m.id)}
                >
                  {t(expanded ? "portal.models.hideFigures" : "portal.models.showFigures")}
                </button>
                {editable ? (
                  <Link href={`/products/new/${m.id}`} className="button">
                    {t("portal.models.createProduct")}
                  </Link>
                ) : null}
              </div>
              {expanded ? (
                <div className="model__details">
                  <FiguresTable model={m} />
                  <WarningsList warnings={m.warnings} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
