import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A console section: its title, a line saying what it is for, and its state (loading, failed, empty). */
export function SectionFrame(props: {
  id: string;
  title: string;
  lede: string;
  loading: boolean;
  error: string | null;
  empty: boolean;
  emptyText: string;
  tools?: ReactNode;
  /** Shown whatever the state (a section's filters). */
  filters?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="admin__section"
      aria-labelledby={`admin-${props.id}-title`}
      data-testid={`admin-${props.id}`}
    >
      <div className="section__head">
        <h2 className="section__title" id={`admin-${props.id}-title`}>
          {props.title}
        </h2>
        {props.tools}
      </div>
      <p className="section__lede">{props.lede}</p>
      {props.filters}
      {props.error ? (
        <p className="form__notice" role="alert">
          {t("admin.loadFailed", { reason: props.error })}
        </p>
      ) : null}
      {props.loading && props.empty ? <div className="portal__loading" aria-busy="true" /> : null}
      {!props.loading && props.empty && !props.error ? (
        <p className="section__empty">{props.emptyText}</p>
      ) : null}
      {props.empty ? null : props.children}
    </section>
  );
}
