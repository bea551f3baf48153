import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Redirect, Route, Switch, useRoute } from "wouter";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { AuthPanel } from "../AuthPanel.tsx";
import { LanguagePicker } from "../LanguagePicker.tsx";
import "../portal/portal.css";
import "./admin.css";
import { AuditSection } from "./AuditSection.tsx";
import { BrandsSection } from "./BrandsSection.tsx";
import { ModerationSection } from "./ModerationSection.tsx";
import { PeopleSection } from "./PeopleSection.tsx";
import { DropsSection, EventsSection, ProgrammesSection } from "./PlatformLists.tsx";

const SECTIONS = {
  moderation: ModerationSection,
  people: PeopleSection,
  brands: BrandsSection,
  programmes: ProgrammesSection,
  events: EventsSection,
  drops: DropsSection,
  audit: AuditSection,
} as const;
type SectionName = keyof typeof SECTIONS;
const NAMES = Object.keys(SECTIONS) as SectionName[];

/** The admin console (`/admin`): platform admins run brands, people, programmes and moderation here. */
export default function AdminConsolePage() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const [, tab] = useRoute("/:section");
  useEffect(() => {
    void useSessionStore.getState().refresh();
  }, []);

  let content: React.ReactNode;
  if (!checked) content = <div className="portal__loading" aria-busy="true" />;
  else if (!user)
    content = (
      <section className="portal__gate">
        <h1 className="portal__title">{t("admin.gate.title")}</h1>
        <p className="portal__lede">{t("admin.gate.body")}</p>
        <AuthPanel onDone={() => {}} />
      </section>
    );
  else if (user.role !== "admin")
    content = (
      <p className="portal__notice" role="alert" data-testid="admin-refused">
        {t("admin.notAdmin")}
      </p>
    );
  else
    content = (
      <>
        <nav className="workspace__nav" aria-label={t("admin.nav.label")}>
          {NAMES.map((name) => (
            <Link
              key={name}
              href={`/${name}`}
              className="workspace__tab"
              data-testid={`admin-tab-${name}`}
              aria-current={tab?.section === name ? "page" : undefined}
            >
              {t(`admin.nav.${name}`)}
            </Link>
          ))}
        </nav>
        <Switch>
          {NAMES.map((name) => {
            const Section = SECTIONS[name];
            return (
              <Route key={name} path={`/${name}`}>
                <Section />
              </Route>
            );
          })}
          <Route>
            <Redirect to="/moderation" replace />
          </Route>
        </Switch>
      </>
    );

  return (
    <div className="portal admin">
      <header className="portal__header">
        <div className="portal__mark">
          <Link href="~/" className="portal__logo">
            {t("brand.name")}
          </Link>
          <span className="portal__section">{t("admin.title")}</span>
        </div>
        <div className="portal__actions">
          {user ? (
            <>
              <span className="portal__user">{user.displayName}</span>
              <button
                type="button"
                className="button"
                onClick={() => void useSessionStore.getState().signOut()}
              >
                {t("auth.signOut")}
              </button>
            </>
          ) : null}
          <Link href="~/" className="button">
            {t("admin.toAvenue")}
          </Link>
          <LanguagePicker />
        </div>
      </header>
      <div className="portal__body">{content}</div>
    </div>
  );
}
