import { useTranslation } from "react-i18next";
import type { AnalyticsRange } from "../../../../shared/analytics.ts";

const DAY_MS = 86_400_000;
const PRESETS = [7, 30, 90] as const;

/** The UTC day `n` days before today, as YYYY-MM-DD (the report's days are UTC days). */
export function dayBefore(n: number, now = Date.now()): string {
  return new Date(now - n * DAY_MS).toISOString().slice(0, 10);
}

/** The last `days` days up to today (inclusive). */
export function lastDays(days: number, now = Date.now()): AnalyticsRange {
  return { from: dayBefore(days - 1, now), to: dayBefore(0, now) };
}

/** A range of days: the last 7, 30 or 90, or two chosen days (at most the 366 the API answers). */
export function RangePicker({
  range,
  onChange,
}: {
  range: AnalyticsRange;
  onChange: (range: AnalyticsRange) => void;
}) {
  const { t } = useTranslation();
  const today = dayBefore(0);
  const preset = PRESETS.find((n) => {
    const r = lastDays(n);
    return r.from === range.from && r.to === range.to;
  });
  const pick = (next: Partial<AnalyticsRange>) => {
    const r = { ...range, ...next };
    // An emptied field or a reversed pair is not sent: the other bound follows the one just set.
    if (!r.from || !r.to) return;
    if (r.from > r.to) onChange(next.from ? { from: r.from, to: r.from } : { from: r.to, to: r.to });
    else onChange(r);
  };
  return (
    <fieldset className="analytics-range" data-testid="analytics-range">
      <legend className="sr-only">{t("analytics.range.label")}</legend>
      <div className="analytics-range__presets">
        {PRESETS.map((n) => (
          <button
            key={n}
            type="button"
            className="analytics-range__preset"
            aria-pressed={preset === n}
            onClick={() => onChange(lastDays(n))}
          >
            {t("analytics.range.last", { n })}
          </button>
        ))}
      </div>
      <label className="analytics-range__field">
        <span>{t("analytics.range.from")}</span>
        <input
          type="date"
          value={range.from}
          max={today}
          data-testid="analytics-from"
          onChange={(e) => pick({ from: e.target.value })}
        />
      </label>
      <label className="analytics-range__field">
        <span>{t("analytics.range.to")}</span>
        <input
          type="date"
          value={range.to}
          max={today}
          data-testid="analytics-to"
          onChange={(e) => pick({ to: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
