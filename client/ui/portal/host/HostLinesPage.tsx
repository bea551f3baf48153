import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { SessionUser } from "../../../../shared/auth.ts";
import type { BrandWithProducts } from "../../../../shared/catalog.ts";
import { canEdit, roleFor } from "../roles.ts";
import { HostLinesEditor } from "./HostLinesEditor.tsx";

/** `/brand/:brandId/host`: what the avenue's host says at this maison, for its staff and admins. */
export function HostLinesPage({ brand, user }: { brand: BrandWithProducts; user: SessionUser }) {
  const { t } = useTranslation();
  const role = roleFor(user, brand.id);
  return (
    <div className="workspace" data-testid="host-lines-page" data-brand={brand.id}>
      <div className="workspace__head" style={{ "--brand-trim": brand.facade.trim } as React.CSSProperties}>
        <div>
          <h1 className="workspace__brand">{brand.name}</h1>
          <p className="workspace__role">
            {t("portal.role.as", { role: t(`portal.role.${role ?? "none"}`) })}
          </p>
        </div>
        <Link href={`/${brand.id}/products`} className="button host-lines__back">
          {t("host.portal.back")}
        </Link>
      </div>
      <div className="section__head">
        <h2 className="section__title">{t("host.portal.title")}</h2>
      </div>
      <p className="section__lede">{t("host.portal.intro")}</p>
      <HostLinesEditor brandId={brand.id} products={brand.products} editable={canEdit(role)} />
    </div>
  );
}
