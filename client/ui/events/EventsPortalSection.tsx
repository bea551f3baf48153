/**
 * The brand portal's events tab: the brand's scheduled and live events (each linking to its page)
 * with the languages their titles still lack, and a form to schedule one (title and description in
 * each language, English required, start, length, open or invite-only
 * with a seat cap, the published pieces it presents, presented by the person and/or Céleste).
 */
import "./events.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { events } from "../../../shared/api/index.ts";
import type { SessionUser } from "../../../shared/auth.ts";
import type { ScheduleEventInput } from "../../../shared/events/eventSchedule.ts";
import type { EventSummary } from "../../../shared/events/eventView.ts";
import { localize } from "../../../shared/money.ts";
import { ApiError, callApi } from "../../net/api.ts";
import { MissingLanguages } from "../a11y/MissingLanguages.tsx";
import { LocalizedFields } from "../portal/LocalizedFields.tsx";
import { anyWritten, blankLocalized, fieldErrorsOf, writtenLanguages } from "../portal/localizedValues.ts";
import { usePortalStore } from "../portal/portalStore.ts";
import type { FieldErrors } from "../portal/productForm.ts";

const HOUR = 3_600_000;

/** A datetime-local value an hour ahead, in the browser's zone. */
function inAnHour(): string {
  const d = new Date(Date.now() + HOUR);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function EventsPortalSection({ brandId, user }: { brandId: string; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const products = usePortalStore((s) => s.products).filter((p) => p.status === "published");
  const [list, setList] = useState<EventSummary[]>([]);
  const [title, setTitle] = useState(blankLocalized);
  const [description, setDescription] = useState(blankLocalized);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [startsAt, setStartsAt] = useState(inAnHour);
  const [minutes, setMinutes] = useState(60);
  const [kind, setKind] = useState<"open" | "invite">("open");
  const [seatCap, setSeatCap] = useState(20);
  const [chosen, setChosen] = useState<string[]>([]);
  const [withHost, setWithHost] = useState(true);
  const [message, setMessage] = useState<string | null>(null);

  const reload = () =>
    callApi(events.listEvents, {})
      .then((l) => setList(l.events.filter((e) => e.brandId === brandId)))
      .catch(() => setList([]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload reads only brandId
  useEffect(() => {
    void reload();
  }, [brandId]);

  const schedule = async () => {
    setMessage(null);
    const start = new Date(startsAt);
    const body: ScheduleEventInput = {
      brandId,
      title: writtenLanguages(title),
      description: writtenLanguages(anyWritten(description) ? description : title),
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      kind,
      seatCap: kind === "invite" ? seatCap : null,
      presenters: [{ kind: "staff", userId: user.id }, ...(withHost ? [{ kind: "host" as const }] : [])],
      productIds: chosen,
    };
    try {
      const view = await callApi(events.scheduleEvent, { body });
      setMessage(t("events.portal.scheduled", { title: localize(view.title, i18n.language) }));
      setTitle(blankLocalized());
      setDescription(blankLocalized());
      setErrors({});
      void reload();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section className="portal-events" data-testid="portal-events" aria-labelledby="portal-events-title">
      <h2 id="portal-events-title">{t("events.portal.title")}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard to scroll (axe scrollable-region-focusable) */}
      <ul className="event-lines" tabIndex={0} aria-labelledby="portal-events-title">
        {list.map((e) => (
          <li key={e.id}>
            <Link href={`~/events/${e.id}`}>{localize(e.title, i18n.language)}</Link> ·{" "}
            {t(`events.phase.${e.phase}`)} · {new Date(e.startsAt).toLocaleString(i18n.language)}
          </li>
        ))}
      </ul>
      {list.length > 0 ? (
        <MissingLanguages
          kind="events"
          items={list.map((e) => ({ id: e.id, label: e.title, texts: [{ field: "title", text: e.title }] }))}
        />
      ) : null}
      <form
        className="portal-events__form"
        onSubmit={(e) => {
          e.preventDefault();
          void schedule();
        }}
      >
        <LocalizedFields
          field="title"
          label={t("events.portal.eventTitle")}
          values={title}
          errors={errors}
          multiline={false}
          disabled={false}
          onChange={setTitle}
        />
        <LocalizedFields
          field="description"
          label={t("events.portal.description")}
          values={description}
          errors={errors}
          multiline
          disabled={false}
          onChange={setDescription}
        />
        <label>
          {t("events.portal.startsAt")}
          <input
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        </label>
        <label>
          {t("events.portal.minutes")}
          <input
            type="number"
            min={5}
            max={480}
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
        </label>
        <label>
          {t("events.portal.kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as "open" | "invite")}>
            <option value="open">{t("events.kind.open")}</option>
            <option value="invite">{t("events.kind.invite")}</option>
          </select>
        </label>
        {kind === "invite" ? (
          <label>
            {t("events.portal.seatCap")}
            <input
              type="number"
              min={1}
              max={10000}
              value={seatCap}
              onChange={(e) => setSeatCap(Number(e.target.value))}
            />
          </label>
        ) : null}
        <fieldset>
          <legend>{t("events.portal.products")}</legend>
          {products.map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((id) => id !== p.id)))
                }
              />
              {localize(p.name, i18n.language)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={withHost} onChange={(e) => setWithHost(e.target.checked)} />
          {t("events.portal.withHost")}
        </label>
        <button type="submit" className="button button--primary">
          {t("events.portal.schedule")}
        </button>
        {message ? <p role="status">{message}</p> : null}
      </form>
    </section>
  );
}
