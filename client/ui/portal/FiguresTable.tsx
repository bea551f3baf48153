import { useTranslation } from "react-i18next";
import type { ModelFigures, UploadedModel } from "../../../shared/models.ts";
import { formatBytes, formatChange, formatCount, formatMetres } from "./format.ts";

type Row = { key: string; value: (f: ModelFigures) => number; show: (n: number) => string; dims?: boolean };

/**
 * What the pipeline did, before and after, plus the lighter level of detail used from afar:
 * bytes, triangles, draw calls, materials, textures and their memory, and the bounding box.
 */
export function FiguresTable({ model }: { model: UploadedModel }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bytes = (n: number) => formatBytes(n, locale);
  const count = (n: number) => formatCount(n, locale);
  const rows: Row[] = [
    { key: "bytes", value: (f) => f.bytes, show: bytes },
    { key: "triangles", value: (f) => f.triangles, show: count },
    { key: "drawCalls", value: (f) => f.drawCalls, show: count },
    { key: "materials", value: (f) => f.materials, show: count },
    { key: "textures", value: (f) => f.textures.length, show: count },
    { key: "textureMemory", value: (f) => f.textureMemoryBytes, show: bytes },
  ];
  const box = (f: ModelFigures) =>
    `${f.boundingBox.size.map((v) => formatMetres(v, locale).replace(" m", "")).join(" × ")} m`;
  return (
    <div className="figures">
      <table className="ledger ledger--figures" data-testid="upload-figures">
        <caption className="sr-only">{t("portal.figures.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("portal.figures.measure")}</th>
            <th scope="col" className="num">
              {t("portal.figures.before")}
            </th>
            <th scope="col" className="num">
              {t("portal.figures.after")}
            </th>
            <th scope="col" className="num">
              {t("portal.figures.change")}
            </th>
            <th scope="col" className="num">
              {t("portal.figures.lod")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-figure={r.key}>
              <th scope="row">{t(`portal.figures.${r.key}`)}</th>
              <td className="num">{r.show(r.value(model.before))}</td>
              <td className="num">{r.show(r.value(model.after))}</td>
              <td className="num figures__change">
                {formatChange(r.value(model.before), r.value(model.after), locale)}
              </td>
              <td className="num">{r.show(r.value(model.lodFigures))}</td>
            </tr>
          ))}
          <tr data-figure="boundingBox">
            <th scope="row">{t("portal.figures.boundingBox")}</th>
            <td className="num">{box(model.before)}</td>
            <td className="num">{box(model.after)}</td>
            <td className="num figures__change">
              {t("portal.figures.scaled", {
                scale: formatCount(Number(model.normalization.scale.toPrecision(3)), locale),
              })}
            </td>
            <td className="num">{box(model.lodFigures)}</td>
          </tr>
        </tbody>
      </table>
      {model.after.textures.length > 0 ? (
        <p className="figures__textures">
          {t("portal.figures.textureList")}{" "}
          {model.after.textures
            .map(
              (tex) => `${tex.name || "—"} ${tex.width}×${tex.height} ${tex.mimeType.replace("image/", "")}`,
            )
            .join(" · ")}
        </p>
      ) : null}
      <p className="figures__note">
        {t("portal.figures.summary", {
          seconds: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
            model.processingSeconds,
          ),
          height: formatMetres(model.suggestedDisplayHeight, locale),
        })}
      </p>
    </div>
  );
}
