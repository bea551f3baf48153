import { useTranslation } from "react-i18next";
import { formatCell } from "./analyticsFormat.ts";
import type { AnalyticsTable } from "./analyticsTables.ts";
import { downloadCsv, toCsv } from "./csv.ts";

const NUMERIC = new Set(["count", "duration", "percent"]);

/**
 * One of the report's tables as a ledger, values in the reader's locale, with its CSV: headers in
 * the reader's language, values raw (ISO days, plain numbers) so a spreadsheet reads them.
 */
export function TableView({ table, fileStem }: { table: AnalyticsTable; fileStem: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headers = table.columns.map((c) => t(`analytics.columns.${c.key}`));
  const download = () => downloadCsv(`${fileStem}-${table.id}.csv`, toCsv(headers, table.rows));
  return (
    <div className="analytics-table" data-testid={`analytics-table-${table.id}`}>
      <div className="analytics-table__head">
        <h4 className="analytics-table__title">{t(`analytics.tables.${table.id}`)}</h4>
        <button
          type="button"
          className="button button--link"
          onClick={download}
          disabled={table.rows.length === 0}
          data-testid={`analytics-csv-${table.id}`}
        >
          {t("analytics.tables.download")}
        </button>
      </div>
      {table.rows.length === 0 ? (
        <p className="analytics__quiet">{t("analytics.tables.empty")}</p>
      ) : (
        // A scrolling table must be reachable by keyboard to scroll (axe scrollable-region-focusable).
        <section
          className="analytics-table__scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
          tabIndex={0}
          aria-label={t(`analytics.tables.${table.id}`)}
        >
          <table className="ledger ledger--compact analytics-ledger">
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c.key} scope="col" className={NUMERIC.has(c.kind) ? "num" : undefined}>
                    {headers[i]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                // Rows are the report's, in its order, and never reordered: the index is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={r}>
                  {table.columns.map((c, i) => (
                    <td key={c.key} className={NUMERIC.has(c.kind) ? "num" : undefined}>
                      {formatCell(c.kind, row[i] ?? null, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
