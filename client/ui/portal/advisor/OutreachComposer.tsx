import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { OutreachRefusalDetails } from "../../../../shared/api/clientelingCommon.ts";
import { clienteling as api, auth, drops as dropsApi } from "../../../../shared/api/index.ts";
import type { Product } from "../../../../shared/catalog.ts";
import type { ClientBookEntry, ClientCard } from "../../../../shared/clienteling/card.ts";
import {
  CONSENT_CHANNELS,
  type ConsentChannel,
  type ConsentPurpose,
} from "../../../../shared/clienteling/consent.ts";
import type { InboxMessage, OutreachContent } from "../../../../shared/clienteling/outreach.ts";
import {
  OCCASION_PURPOSES,
  OUTREACH_OCCASIONS,
  type OutreachOccasion,
  type OutreachTemplate,
  renderTemplate,
} from "../../../../shared/clienteling/templates.ts";
import type { DropListItem } from "../../../../shared/dropRoom.ts";
import { ApiError, callApi } from "../../../net/api.ts";
import { useSessionStore } from "../../../stores/sessionStore.ts";
import { localizedName } from "../../vitrine/localizedName.ts";

/** An instant in a reader's language and zone, with the zone named ("Tue 2 Jun 2026, 21:00 CEST"). */
export function formatInZone(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** The zone this browser runs in: the advisor's own. */
const advisorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Outcome =
  | { kind: "sent"; message: InboxMessage }
  | { kind: "refused"; details: OutreachRefusalDetails; message: string }
  | { kind: "failed"; message: string };

/** What the advisor fills beside the template: the piece, the drop, the event. */
type Fields = { productId: string; dropId: string; eventTitle: string; eventStartsAt: string; note: string };
const NO_FIELDS: Fields = { productId: "", dropId: "", eventTitle: "", eventStartsAt: "", note: "" };

/** The content the server takes for the occasion, or null while a needed field is empty. */
function contentOf(occasion: OutreachOccasion, f: Fields): OutreachContent | null {
  const note = f.note.trim() ? f.note.trim() : undefined;
  if (occasion === "wishlist_piece_new" || occasion === "wishlist_piece_available")
    return f.productId ? { occasion, productId: f.productId, note } : null;
  if (occasion === "drop_suggestion") return f.dropId ? { occasion, dropId: f.dropId, note } : null;
  if (occasion === "event_invitation") {
    const at = f.eventStartsAt ? new Date(f.eventStartsAt) : null;
    if (f.eventTitle.trim().length < 2 || !at || Number.isNaN(at.getTime())) return null;
    return { occasion, eventTitle: f.eventTitle.trim(), eventStartsAt: at.toISOString(), note };
  }
  return { occasion: "birthday", note };
}

/**
 * The advisor writes to a client of the book: an occasion's template (the maison's wording) with
 * its merge fields previewed as the client will read it (their language, their time zone), a
 * purpose the occasion allows, the channels. The server decides: a message outside the client's
 * consent, over the maison's frequency cap or in the client's quiet hours is refused with the rule,
 * and the page says when it would be allowed, in the advisor's language and zone.
 */
export function OutreachComposer({ brandId, brandName }: { brandId: string; brandName: string }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [book, setBook] = useState<ClientBookEntry[] | null>(null);
  const [pieces, setPieces] = useState<Product[]>([]);
  const [brandDrops, setBrandDrops] = useState<DropListItem[]>([]);
  const [clientId, setClientId] = useState("");
  const [card, setCard] = useState<ClientCard | null>(null);
  const [occasion, setOccasion] = useState<OutreachOccasion>("wishlist_piece_new");
  const [template, setTemplate] = useState<OutreachTemplate | null>(null);
  const [purpose, setPurpose] = useState<ConsentPurpose>("new_pieces");
  const [channels, setChannels] = useState<ConsentChannel[]>(["in_app"]);
  const [fields, setFields] = useState<Fields>(NO_FIELDS);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      callApi(api.clientBook, { params: { brandId }, query: {} }),
      callApi(auth.catalog),
      callApi(dropsApi.listDrops),
    ])
      .then(([entries, catalog, list]) => {
        if (!live) return;
        setBook(entries);
        setPieces(catalog.brands.find((b) => b.id === brandId)?.products ?? []);
        setBrandDrops(list.drops.filter((d) => d.brandId === brandId));
      })
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [brandId]);

  // The client's card: their wishlist of the maison's pieces and their quiet hours (a staff read,
  // in the client's access log).
  useEffect(() => {
    setCard(null);
    setOutcome(null);
    if (!clientId) return;
    let live = true;
    callApi(api.clientCard, { params: { brandId, clientId } })
      .then((c) => live && setCard(c))
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [brandId, clientId]);

  useEffect(() => {
    setTemplate(null);
    setOutcome(null);
    setPurpose((p) => (OCCASION_PURPOSES[occasion].includes(p) ? p : (OCCASION_PURPOSES[occasion][0] ?? p)));
    let live = true;
    callApi(api.template, { params: { brandId, occasion } })
      .then((tpl) => live && setTemplate(tpl))
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [brandId, occasion]);

  const entry = book?.find((c) => c.clientId === clientId) ?? null;
  const wishlist = new Set(card?.wishlist.map((w) => w.productId) ?? []);
  const orderedPieces = [...pieces].sort((a, b) => Number(wishlist.has(b.id)) - Number(wishlist.has(a.id)));
  const content = contentOf(occasion, fields);

  const preview = useMemo(() => {
    if (!template || !entry) return null;
    const language = entry.language;
    const zone = entry.timeZone;
    const product = pieces.find((p) => p.id === fields.productId);
    const drop = brandDrops.find((d) => d.id === fields.dropId);
    const values: Record<string, string> = {
      clientName: entry.name,
      advisorName: user?.displayName ?? "",
      brandName,
    };
    if (product) values.productName = localizedName(product.name, language);
    if (drop) {
      values.dropTitle = localizedName(drop.title, language);
      values.dropStartsAt = formatInZone(drop.publicStartsAt, language, zone);
      values.productName = localizedName(drop.productName, language);
    }
    if (fields.eventTitle.trim()) values.eventTitle = fields.eventTitle.trim();
    const eventAt = fields.eventStartsAt ? new Date(fields.eventStartsAt) : null;
    if (eventAt && !Number.isNaN(eventAt.getTime()))
      values.eventStartsAt = formatInZone(eventAt.toISOString(), language, zone);
    return renderTemplate(occasion, template, language, values);
  }, [template, entry, pieces, brandDrops, fields, occasion, user, brandName]);

  const send = () => {
    if (!entry || !content || channels.length === 0) return;
    setSending(true);
    setOutcome(null);
    callApi(api.sendOutreach, {
      params: { brandId },
      body: { clientId: entry.clientId, purpose, channels, content },
    })
      .then((message) => setOutcome({ kind: "sent", message }))
      .catch((e: unknown) => {
        const details = e instanceof ApiError ? OutreachRefusalDetails.safeParse(e.details) : null;
        if (details?.success) setOutcome({ kind: "refused", details: details.data, message: String(e) });
        else setOutcome({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => setSending(false));
  };

  const toggleChannel = (channel: ConsentChannel, on: boolean) =>
    setChannels((cs) => (on ? [...new Set([...cs, channel])] : cs.filter((c) => c !== channel)));
  const set = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setOutcome(null);
  };

  return (
    <section className="section" aria-labelledby="outreach-composer" data-testid="outreach-composer">
      <div className="section__head">
        <h2 id="outreach-composer" className="section__title">
          {t("clienteling.outreach.title")}
        </h2>
      </div>
      <p className="section__lede">{t("clienteling.outreach.intro")}</p>
      {loadError ? (
        <p role="alert" className="portal__notice">
          {t("clienteling.failed", { reason: loadError })}
        </p>
      ) : null}
      {book?.length === 0 ? <p className="section__empty">{t("clienteling.outreach.noClients")}</p> : null}
      {/* Nothing to write until someone has chosen a relationship with the maison. */}
      {book && book.length > 0 ? (
        <form
          className="form outreach"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <div className="form__row">
            <label className="form__field">
              <span className="form__label">{t("clienteling.outreach.client")}</span>
              <select
                value={clientId}
                onChange={(e) => setClientId(e.target.value)}
                data-testid="outreach-client"
              >
                <option value="">{t("clienteling.outreach.pickClient")}</option>
                {book?.map((c) => (
                  <option key={c.clientId} value={c.clientId}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="form__field">
              <span className="form__label">{t("clienteling.outreach.occasion")}</span>
              <select
                value={occasion}
                onChange={(e) => setOccasion(e.target.value as OutreachOccasion)}
                data-testid="outreach-occasion"
              >
                {OUTREACH_OCCASIONS.map((o) => (
                  <option key={o} value={o}>
                    {t(`clienteling.outreach.occasions.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="form__field">
              <span className="form__label">{t("clienteling.outreach.purpose")}</span>
              <select
                value={purpose}
                onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}
                data-testid="outreach-purpose"
              >
                {OCCASION_PURPOSES[occasion].map((p) => (
                  <option key={p} value={p}>
                    {t(`clienteling.purpose.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {entry && card ? (
            <p className="outreach__client" data-testid="outreach-client-facts">
              {t("clienteling.outreach.clientFacts", {
                language: entry.language,
                zone: entry.timeZone,
                start: card.quietHours.start,
                end: card.quietHours.end,
              })}
            </p>
          ) : null}

          {occasion === "wishlist_piece_new" || occasion === "wishlist_piece_available" ? (
            <label className="form__field">
              <span className="form__label">{t("clienteling.outreach.piece")}</span>
              <select
                value={fields.productId}
                onChange={(e) => set({ productId: e.target.value })}
                data-testid="outreach-piece"
              >
                <option value="">{t("clienteling.outreach.pickPiece")}</option>
                {orderedPieces.map((p) => (
                  <option key={p.id} value={p.id}>
                    {wishlist.has(p.id)
                      ? t("clienteling.outreach.onWishlist", { name: localizedName(p.name, i18n.language) })
                      : localizedName(p.name, i18n.language)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {occasion === "drop_suggestion" ? (
            <label className="form__field">
              <span className="form__label">{t("clienteling.outreach.drop")}</span>
              <select
                value={fields.dropId}
                onChange={(e) => set({ dropId: e.target.value })}
                data-testid="outreach-drop"
              >
                <option value="">{t("clienteling.outreach.pickDrop")}</option>
                {brandDrops.map((d) => (
                  <option key={d.id} value={d.id}>
                    {localizedName(d.title, i18n.language)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {occasion === "event_invitation" ? (
            <div className="form__row">
              <label className="form__field">
                <span className="form__label">{t("clienteling.outreach.eventTitle")}</span>
                <input
                  value={fields.eventTitle}
                  maxLength={120}
                  onChange={(e) => set({ eventTitle: e.target.value })}
                  data-testid="outreach-event-title"
                />
              </label>
              <label className="form__field">
                <span className="form__label">{t("clienteling.outreach.eventStartsAt")}</span>
                <input
                  type="datetime-local"
                  value={fields.eventStartsAt}
                  onChange={(e) => set({ eventStartsAt: e.target.value })}
                  data-testid="outreach-event-starts"
                />
              </label>
            </div>
          ) : null}
          <label className="form__field">
            <span className="form__label">{t("clienteling.outreach.note")}</span>
            <textarea
              rows={2}
              maxLength={1000}
              value={fields.note}
              onChange={(e) => set({ note: e.target.value })}
              data-testid="outreach-note"
            />
          </label>
          <fieldset className="outreach__channels">
            <legend className="form__label">{t("clienteling.outreach.channels")}</legend>
            {CONSENT_CHANNELS.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={channels.includes(c)}
                  onChange={(e) => toggleChannel(c, e.target.checked)}
                  data-testid={`outreach-channel-${c}`}
                />{" "}
                {t(`clienteling.channel.${c}`)}
              </label>
            ))}
          </fieldset>

          {entry ? (
            <div className="outreach__preview" aria-live="polite" data-testid="outreach-preview">
              <p className="form__label">
                {t("clienteling.outreach.preview", { language: entry.language, zone: entry.timeZone })}
              </p>
              {preview?.ok ? (
                <>
                  <p className="outreach__subject">{preview.rendered.subject}</p>
                  <p className="outreach__body">{preview.rendered.body}</p>
                  {fields.note.trim() ? <p className="outreach__body">{fields.note.trim()}</p> : null}
                </>
              ) : preview ? (
                <p className="outreach__missing">
                  {t("clienteling.outreach.fillFields", {
                    fields: [...new Set(preview.problems.map((p) => p.field ?? "?"))].join(", "),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}

          <button
            type="submit"
            className="button button--primary"
            disabled={!entry || !content || channels.length === 0 || sending}
            data-testid="outreach-send"
          >
            {t("clienteling.outreach.send")}
          </button>
        </form>
      ) : null}
      {outcome ? <OutcomeNote outcome={outcome} clientZone={entry?.timeZone ?? "UTC"} /> : null}
    </section>
  );
}

/** What the server said: sent, or refused with the rule and when it would be allowed. */
function OutcomeNote({ outcome, clientZone }: { outcome: Outcome; clientZone: string }) {
  const { t, i18n } = useTranslation();
  if (outcome.kind === "sent") {
    return (
      <p role="status" className="outreach__outcome outreach__outcome--sent" data-testid="outreach-sent">
        {t("clienteling.outreach.sent", {
          channels: outcome.message.channels.map((c) => t(`clienteling.channel.${c}`)).join(", "),
        })}
      </p>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <p role="alert" className="outreach__outcome" data-testid="outreach-failed">
        {t("clienteling.failed", { reason: outcome.message })}
      </p>
    );
  }
  const { rule, allowedAt, details } = outcome.details;
  return (
    <div
      role="alert"
      className="outreach__outcome outreach__outcome--refused"
      data-testid="outreach-refused"
      data-rule={rule}
      data-allowed-at={allowedAt ?? ""}
    >
      <p className="outreach__rule">{t(`clienteling.outreach.rules.${rule}`)}</p>
      {details.blockedBy.length > 1 ? (
        <p>
          {t("clienteling.outreach.alsoBlocking", {
            rules: details.blockedBy
              .slice(1)
              .map((r) => t(`clienteling.outreach.ruleNames.${r}`))
              .join(", "),
          })}
        </p>
      ) : null}
      {details.missingChannels.length > 0 ? (
        <p>
          {t("clienteling.outreach.missingChannels", {
            channels: details.missingChannels.map((c) => t(`clienteling.channel.${c}`)).join(", "),
          })}
        </p>
      ) : null}
      <p data-testid="outreach-allowed-at">
        {allowedAt
          ? t("clienteling.outreach.allowedAt", {
              when: formatInZone(allowedAt, i18n.language, advisorZone()),
              clientWhen: formatInZone(allowedAt, i18n.language, clientZone),
            })
          : t("clienteling.outreach.onlyClient")}
      </p>
    </div>
  );
}
