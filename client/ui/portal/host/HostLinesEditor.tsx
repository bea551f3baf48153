import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Product } from "../../../../shared/catalog.ts";
import type { FieldIssue } from "../../../../shared/errors.ts";
import { EMPTY_BRAND_LINES } from "../../../../shared/host/script.ts";
import { HostLinesForm } from "./HostLinesForm.tsx";
import { issuesOf, loadHostLines, saveHostLines } from "./hostLinesApi.ts";
import {
  documentFromDraft,
  draftFromDocument,
  emptyDraft,
  type HostLinesDraft,
  localIssues,
  parseJson,
} from "./hostLinesDraft.ts";
import { IssuesList } from "./IssuesList.tsx";
import "./hostLines.css";

type Mode = "form" | "json";
type Status = "loading" | "ready" | "failed" | "saving";

/**
 * A brand's host lines: loaded from the server, edited as a structured form or as JSON (switching
 * keeps the edits), saved with every validation error listed by path (the server's, which include
 * references to the catalog; the shared schema's when the server cannot be reached).
 */
export function HostLinesEditor({
  brandId,
  products,
  editable,
}: {
  brandId: string;
  products: readonly Product[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>("loading");
  const [loadError, setLoadError] = useState("");
  const [mode, setMode] = useState<Mode>("form");
  const [draft, setDraft] = useState<HostLinesDraft>(emptyDraft);
  const [json, setJson] = useState("");
  const [jsonError, setJsonError] = useState("");
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saveError, setSaveError] = useState("");
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    setStatus("loading");
    loadHostLines(brandId).then(
      (doc) => {
        const value = doc ?? EMPTY_BRAND_LINES;
        setDraft(draftFromDocument(value));
        setJson(JSON.stringify(value, null, 2));
        setIssues([]);
        setJsonError("");
        setSaveError("");
        setStatus("ready");
      },
      (e: unknown) => {
        setLoadError(e instanceof Error ? e.message : String(e));
        setStatus("failed");
      },
    );
  }, [brandId]);
  useEffect(load, [load]);

  function switchTo(next: Mode) {
    if (next === mode) return;
    if (next === "json") {
      setJson(JSON.stringify(documentFromDraft(draft), null, 2));
      setJsonError("");
    } else {
      const parsed = parseJson(json);
      if (!parsed.ok) {
        setJsonError(t("host.portal.invalidJson", { reason: parsed.message }));
        return;
      }
      setDraft(draftFromDocument(parsed.value));
    }
    setMode(next);
  }

  async function save() {
    setSaved(false);
    setSaveError("");
    let doc: unknown;
    if (mode === "json") {
      const parsed = parseJson(json);
      if (!parsed.ok) {
        setJsonError(t("host.portal.invalidJson", { reason: parsed.message }));
        return;
      }
      doc = parsed.value;
    } else doc = documentFromDraft(draft);
    setJsonError("");
    setStatus("saving");
    try {
      await saveHostLines(brandId, doc);
      setIssues([]);
      setSaved(true);
    } catch (e) {
      const fromServer = issuesOf(e);
      const found = fromServer.length > 0 ? fromServer : localIssues(doc);
      setIssues(found);
      if (found.length === 0)
        setSaveError(t("host.portal.saveFailed", { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setStatus("ready");
    }
  }

  if (status === "loading")
    return (
      <div className="portal__loading" aria-busy="true">
        <span className="sr-only">{t("host.portal.loading")}</span>
      </div>
    );
  if (status === "failed")
    return (
      <p className="portal__notice" role="alert">
        {t("host.portal.loadFailed", { reason: loadError })}
      </p>
    );

  return (
    <div className="host-lines" data-testid="host-lines-editor" data-mode={mode}>
      <div className="host-lines__bar">
        <fieldset className="host-lines__modes" aria-label={t("host.portal.mode.label")}>
          {(["form", "json"] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="host-lines__mode"
              aria-pressed={mode === m}
              data-testid={`host-lines-mode-${m}`}
              onClick={() => switchTo(m)}
            >
              {t(`host.portal.mode.${m}`)}
            </button>
          ))}
        </fieldset>
        {editable ? (
          <div className="form__actions">
            <button type="button" className="button" onClick={load}>
              {t("host.portal.reload")}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="host-lines-save"
              disabled={status === "saving"}
              onClick={() => void save()}
            >
              {status === "saving" ? t("host.portal.saving") : t("host.portal.save")}
            </button>
          </div>
        ) : null}
      </div>
      {editable ? null : <p className="section__readonly">{t("host.portal.readOnly")}</p>}
      {saved ? (
        <p className="host-lines__saved" role="status" data-testid="host-lines-saved">
          {t("host.portal.saved")}
        </p>
      ) : null}
      {saveError ? (
        <p className="form__notice" role="alert">
          {saveError}
        </p>
      ) : null}
      {jsonError ? (
        <p className="form__notice" role="alert" data-testid="host-lines-json-error">
          {jsonError}
        </p>
      ) : null}
      <IssuesList issues={issues} linkable={mode === "form"} />
      {mode === "form" ? (
        <HostLinesForm
          draft={draft}
          issues={issues}
          products={products}
          editable={editable}
          onChange={setDraft}
        />
      ) : (
        <textarea
          className="host-lines__json"
          data-testid="host-lines-json"
          spellCheck={false}
          value={json}
          readOnly={!editable}
          aria-label="JSON"
          onChange={(e) => {
            setJson(e.currentTarget.value);
            setJsonError("");
          }}
        />
      )}
    </div>
  );
}
