import "../drops/drops.css";
import "./salon.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { tableVariantsOf } from "../../../shared/clienteling/salonRoom.ts";
import { PersonalisationChoice } from "../../../shared/personalisation.ts";
import { SalonRoomDriver } from "../../net/SalonRoomDriver.tsx";
import type { SalonRoom } from "../../net/salonConnection.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { engravingMarks } from "../../world/products/PersonalisedProduct.tsx";
import { SalonCanvas } from "../../world/salon/SalonCanvas.tsx";
import { AuthPanel } from "../AuthPanel.tsx";
import { formatInstant } from "../drops/formatInstant.ts";
import { PageHeader } from "../drops/PageHeader.tsx";
import { localizedName } from "../vitrine/localizedName.ts";
import { hasWebGL } from "../webgl.ts";
import { SalonEngravingPanel } from "./SalonEngravingPanel.tsx";
import { SalonSelectionPanel } from "./SalonSelectionPanel.tsx";
import { SalonTablePanel } from "./SalonTablePanel.tsx";
import { useSalonStore } from "./salonStore.ts";
import { useSalonCall } from "./useSalonCall.ts";
import { type SalonEntryState, usePiecePersonalisation, useSalonEntry } from "./useSalonEntry.ts";
import { VideoTile } from "./VideoTile.tsx";

/**
 * The private salon of an appointment (`/salon/:appointmentId`): the room in 3D with the piece on
 * the table, the two (or three) people's video, and beside it the shared viewer's controls, the
 * engraving, and the selection list. Only the appointment's client and advisor get in, while the
 * salon is open (the server decides; the page says why not).
 */
export default function SalonPage({ appointmentId }: { appointmentId: string }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const [authOpen, setAuthOpen] = useState(false);
  useEffect(() => {
    useSessionStore
      .getState()
      .refresh()
      .catch(() => undefined);
  }, []);
  const entry = useSalonEntry(appointmentId, checked && user !== null);

  let body: React.ReactNode;
  if (!checked || (user && entry.kind === "loading"))
    body = <div className="page-loading" aria-busy="true" />;
  else if (!user) {
    body = (
      <div className="salon-page__note">
        <p>{t("clienteling.salon.signIn")}</p>
        <button type="button" className="button button--primary" onClick={() => setAuthOpen(true)}>
          {t("auth.signIn")}
        </button>
      </div>
    );
  } else if (entry.kind === "refused") {
    body = (
      <div className="salon-page__note" role="alert" data-testid="salon-unavailable">
        <p>
          {entry.reason === "salon_not_open_yet" && entry.opensAt
            ? t("clienteling.salon.opensAt", { when: formatInstant(entry.opensAt, i18n.language) })
            : entry.reason === "salon_closed"
              ? t("clienteling.salon.closed")
              : t("clienteling.failed", { reason: entry.message })}
        </p>
      </div>
    );
  } else if (entry.kind === "ready") {
    body = <SalonInside key={user?.id} appointmentId={appointmentId} entry={entry} />;
  }
  return (
    <div className="salon-page">
      <PageHeader onSignIn={() => setAuthOpen(true)} />
      {body}
      {authOpen ? <AuthPanel onDone={() => setAuthOpen(false)} /> : null}
    </div>
  );
}

function SalonInside({
  appointmentId,
  entry,
}: {
  appointmentId: string;
  entry: Extract<SalonEntryState, { kind: "ready" }>;
}) {
  const { t, i18n } = useTranslation();
  const [room, setRoom] = useState<SalonRoom | null>(null);
  // Remounting the driver joins again (after a refusal, or once the salon went offline).
  const [attempt, setAttempt] = useState(0);
  const onRoom = useCallback((r: SalonRoom | null) => setRoom(r), []);
  const [webgl] = useState(hasWebGL);
  const status = useSalonStore((s) => s.status);
  const refusal = useSalonStore((s) => s.refusal);
  const notice = useSalonStore((s) => s.notice);
  const people = useSalonStore((s) => s.people);
  const self = useSalonStore((s) => s.sessionId);
  const table = useSalonStore((s) => s.table);
  const engraving = useSalonStore((s) => s.engraving);
  const engravingProduct = useSalonStore((s) => s.engravingProduct);
  const { call, remoteStreams, error: callError } = useSalonCall(room, entry.entry.iceServers);

  const product = entry.pieces.find((p) => p.id === table.productId) ?? null;
  const personalisation = usePiecePersonalisation(table.productId);
  const variants = useMemo(
    () => (product ? tableVariantsOf(product.model, personalisation) : []),
    [product, personalisation],
  );
  const variantLabels = useMemo(() => {
    const labels = new Map<string, string>();
    if (product?.model.kind === "gltf")
      for (const v of product.model.variants ?? []) labels.set(v.name, localizedName(v.label, i18n.language));
    for (const o of personalisation.options)
      if (o.kind === "choice")
        for (const c of o.choices) labels.set(c.value, localizedName(c.label, i18n.language));
    return variants.map((v) => ({ name: v.name, label: labels.get(v.name) ?? v.name }));
  }, [variants, product, personalisation, i18n.language]);
  const colors = variants.find((v) => v.name === table.variant)?.colors ?? null;
  const marks = useMemo(() => {
    if (!engraving || engravingProduct !== table.productId) return [];
    const parsed = PersonalisationChoice.safeParse(JSON.parse(engraving));
    return parsed.success ? engravingMarks(personalisation.options, parsed.data) : [];
  }, [engraving, engravingProduct, table.productId, personalisation]);
  const [drawn, setDrawn] = useState<string[]>([]);
  const undrawn = marks.filter((m) => !drawn.includes(m.optionId));

  const role = entry.entry.role;
  const others = people.filter((p) => p.sessionId !== self);
  const driver = <SalonRoomDriver key={attempt} appointmentId={appointmentId} onRoom={onRoom} />;
  if ((status === "refused" && refusal) || status === "offline") {
    // Refused at the door, sent away, or gone: say why in words, and offer to enter again. The
    // driver stays mounted at the same place, so the page does not join again by itself.
    const words =
      status === "offline" || !refusal
        ? t("clienteling.salon.status.offline")
        : refusal.reason === "not_open_yet" && refusal.opensAt
          ? t("clienteling.salon.opensAt", { when: formatInstant(refusal.opensAt, i18n.language) })
          : t(`clienteling.salon.refusal.${refusal.reason}`, { defaultValue: refusal.message });
    return (
      <div className="salon-layout" data-testid="salon" data-status={status} data-role={role}>
        {driver}
        <div
          className="salon-page__note"
          role="alert"
          data-testid="salon-refused"
          data-reason={refusal?.reason}
        >
          <h1>{entry.brandName}</h1>
          <p>{words}</p>
          {refusal?.reason !== "closed" ? (
            <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
              {t("clienteling.salon.enter")}
            </button>
          ) : null}
        </div>
      </div>
    );
  }
  return (
    <div className="salon-layout" data-testid="salon" data-status={status} data-role={role}>
      {driver}
      <div className="salon-stage">
        {webgl ? (
          <SalonCanvas product={product} colors={colors} marks={marks} onDrawn={setDrawn} />
        ) : (
          <div className="salon-canvas salon-canvas--none">{t("clienteling.salon.noWebgl")}</div>
        )}
        <section className="salon-videos" aria-label={t("clienteling.salon.videos")}>
          {others.map((p) => (
            <VideoTile
              key={p.sessionId}
              stream={remoteStreams.get(p.sessionId) ?? null}
              name={p.name}
              self={false}
              testId="salon-video-remote"
            />
          ))}
          <VideoTile
            stream={call?.localStream ?? null}
            name={t("clienteling.salon.you")}
            self
            testId="salon-video-self"
          />
        </section>
        <header className="salon-title">
          <p className="salon-title__eyebrow">{t("clienteling.salon.eyebrow")}</p>
          <h1>{entry.brandName}</h1>
          <p className="salon-title__people">
            {people.map((p) => `${p.name} · ${t(`clienteling.salon.role.${p.role}`)}`).join("   ")}
          </p>
        </header>
      </div>
      <aside className="salon-side">
        {status === "reconnecting" ? (
          <p role="status" className="salon-panel__note">
            {t("clienteling.salon.status.reconnecting")}
          </p>
        ) : null}
        {callError ? (
          <p role="alert" className="salon-panel__note">
            {t("clienteling.salon.noCamera", { reason: callError })}
          </p>
        ) : null}
        {notice ? (
          <p role="status" className="salon-panel__note" data-testid="salon-notice">
            {notice}
          </p>
        ) : null}
        <SalonTablePanel
          pieces={entry.pieces}
          variants={variantLabels}
          canPlace={role === "client" || role === "advisor"}
        />
        <SalonEngravingPanel key={table.productId} options={personalisation.options} />
        {undrawn.length > 0 ? (
          <p className="salon-panel__note" data-testid="salon-engraving-unshown">
            {t("clienteling.salon.engraving.notShown", { text: undrawn.map((m) => m.text).join(", ") })}
          </p>
        ) : null}
        <SalonSelectionPanel pieces={entry.pieces} role={role} />
      </aside>
    </div>
  );
}
