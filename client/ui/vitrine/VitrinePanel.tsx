import { useTranslation } from "react-i18next";
import type { VitrineView } from "../../../shared/collectibles.ts";
import { localizedName } from "./localizedName.ts";
import { ShareLink } from "./ShareLink.tsx";
import { useVitrineStore } from "./vitrineStore.ts";

/**
 * The accessible half of the vitrine: whose it is, the pieces on display (name, maison, edition,
 * story), who is inside, and for the owner the visitor link.
 */
export function VitrinePanel({ view, isOwner }: { view: VitrineView; isOwner: boolean }) {
  const { t, i18n } = useTranslation();
  const status = useVitrineStore((s) => s.status);
  const refusal = useVitrineStore((s) => s.refusal);
  const people = useVitrineStore((s) => s.people);
  const ownerSessionId = useVitrineStore((s) => s.ownerSessionId);
  return (
    <aside className="vitrine-panel" data-testid="vitrine-panel">
      <p className="vitrine-panel__eyebrow">
        {t(isOwner ? "collectibles.vitrine.mine" : "collectibles.vitrine.visiting")}
      </p>
      <h1 className="vitrine-panel__title">{t("collectibles.vitrine.title", { name: view.ownerName })}</h1>
      <p
        className="vitrine-panel__status"
        data-testid="vitrine-room"
        data-status={status}
        data-reason={refusal?.reason ?? ""}
      >
        {refusal ? t(`collectibles.refusal.${refusal.reason}`) : t(`collectibles.room.${status}`)}
      </p>
      {view.copies.length === 0 ? (
        <p className="vitrine-panel__empty">
          {t(isOwner ? "collectibles.vitrine.emptyMine" : "collectibles.vitrine.empty")}
        </p>
      ) : null}
      <ol className="vitrine-pieces" data-testid="vitrine-pieces">
        {view.copies.map((c) => (
          <li key={c.id} className="vitrine-piece" data-copy-id={c.id}>
            <span className="vitrine-piece__brand">{c.brandName}</span>
            <span className="vitrine-piece__name">{localizedName(c.name, i18n.language)}</span>
            <span className="vitrine-piece__edition" data-testid="vitrine-edition">
              {t("collectibles.edition", { edition: c.edition, size: c.editionSize })}
            </span>
            <span className="vitrine-piece__story">{localizedName(c.story, i18n.language)}</span>
          </li>
        ))}
      </ol>
      {people.length > 0 ? (
        <div className="vitrine-people">
          <p className="vitrine-people__title">
            {t("collectibles.vitrine.inside", { count: people.length })}
          </p>
          <ul data-testid="vitrine-people">
            {people.map((p) => (
              <li key={p.sessionId} data-owner={p.sessionId === ownerSessionId}>
                {p.name}
                {p.sessionId === ownerSessionId ? (
                  <span className="vitrine-people__host">{t("collectibles.vitrine.host")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {isOwner ? <ShareLink /> : null}
      <p className="vitrine-panel__help">{t("collectibles.vitrine.help")}</p>
    </aside>
  );
}
