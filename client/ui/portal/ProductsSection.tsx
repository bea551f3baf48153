import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { formatPrice, localize } from "../../../shared/money.ts";
import { MissingLanguages } from "../a11y/MissingLanguages.tsx";
import { formatCount } from "./format.ts";
import { usePortalStore } from "./portalStore.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/** Every product of the brand, drafts and published, with where it stands in the window. */
export function ProductsSection({ editable }: { editable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const products = usePortalStore((s) => s.products);
  const placement = usePortalStore((s) => s.placement);
  const models = usePortalStore((s) => s.models);
  return (
    <section className="section" aria-labelledby="products-title">
      <div className="section__head">
        <h2 id="products-title" className="section__title">
          {t("portal.products.title")}
        </h2>
        {editable ? (
          <Link href="/upload" className="button button--primary">
            {t("portal.products.add")}
          </Link>
        ) : null}
      </div>
      {products.length === 0 ? (
        <p className="section__empty">{t("portal.products.empty")}</p>
      ) : (
        <table className="ledger" data-testid="products-table">
          <thead>
            <tr>
              <th scope="col">{t("portal.products.piece")}</th>
              <th scope="col">{t("portal.products.status")}</th>
              <th scope="col" className="num">
                {t("portal.products.price")}
              </th>
              <th scope="col" className="num">
                {t("portal.products.stock")}
              </th>
              <th scope="col">{t("portal.products.model")}</th>
              <th scope="col">{t("portal.products.slot")}</th>
              <th scope="col">
                <span className="sr-only">{t("portal.products.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => {
              const slot = placement?.slots.indexOf(p.id) ?? -1;
              const upload = p.modelId ? models.find((m) => m.id === p.modelId) : undefined;
              return (
                <tr key={p.id} data-product-id={p.id}>
                  <td>
                    <span className="ledger__name">{localize(p.name, locale)}</span>
                    <span className="ledger__sub">{p.id}</span>
                  </td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="num">{formatPrice(p.price, locale)}</td>
                  <td className="num">{formatCount(p.stock, locale)}</td>
                  <td>
                    {p.model.kind === "procedural"
                      ? t("portal.products.procedural", { shape: p.model.shape })
                      : (upload?.fileName ?? p.model.url.slice(p.model.url.lastIndexOf("/") + 1))}
                  </td>
                  <td>{slot >= 0 ? t("portal.window.slotName", { n: slot + 1 }) : "—"}</td>
                  <td className="ledger__actions">
                    <Link href={`/products/${p.id}`} className="button button--link">
                      {t(editable ? "portal.products.edit" : "portal.products.view")}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {products.length > 0 ? (
        <MissingLanguages
          kind="pieces"
          items={products.map((p) => ({
            id: p.id,
            label: p.name,
            texts: [
              { field: "name", text: p.name },
              { field: "description", text: p.description },
            ],
          }))}
        />
      ) : null}
    </section>
  );
}
