import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type EngravingFont,
  type PersonalisationOption,
  personalisationChoiceSchema,
} from "../../../shared/personalisation.ts";
import { sendSalon } from "../../net/salonConnection.ts";
import { localizedName } from "../vitrine/localizedName.ts";
import { useSalonStore } from "./salonStore.ts";

type Draft = Record<string, { text: string; font: EngravingFont }>;

const FONT_LABELS: Record<EngravingFont, string> = {
  "cormorant-garamond": "Cormorant Garamond",
  inter: "Inter",
};

/**
 * The engraving (or initials) of the piece on the table: typed here, checked at once with the
 * piece's own schema (shared/personalisation.ts, the one the server applies), then sent to the
 * room, which validates it again and shows it on the model for everyone. A strap or stone chosen
 * as the table's variant travels in the same choice.
 */
export function SalonEngravingPanel({ options }: { options: readonly PersonalisationOption[] }) {
  const { t, i18n } = useTranslation();
  const table = useSalonStore((s) => s.table);
  const engravable = options.filter((o) => o.kind !== "choice");
  const [draft, setDraft] = useState<Draft>({});
  if (!table.productId || engravable.length === 0) return null;

  const choice: Record<string, unknown> = {};
  for (const option of options) {
    const entry = draft[option.id];
    if (option.kind === "engraving" && entry?.text)
      choice[option.id] = { text: entry.text, font: entry.font };
    if (option.kind === "initials" && entry?.text)
      choice[option.id] = { letters: entry.text, font: entry.font };
    if (option.kind === "choice" && option.choices.some((c) => c.value === table.variant))
      choice[option.id] = { value: table.variant };
  }
  const checked = personalisationChoiceSchema(options).safeParse(choice);
  const problem = checked.success ? null : (checked.error.issues[0]?.message ?? null);

  return (
    <section className="salon-panel" aria-labelledby="salon-engraving-title" data-testid="salon-engraving">
      <h2 id="salon-engraving-title" className="salon-panel__title">
        {t("clienteling.salon.engraving.title")}
      </h2>
      <form
        className="salon-engraving"
        onSubmit={(e) => {
          e.preventDefault();
          if (checked.success) sendSalon("engrave", { productId: table.productId, choice: checked.data });
        }}
      >
        {engravable.map((option) => {
          const entry = draft[option.id] ?? { text: "", font: option.fonts[0] ?? "cormorant-garamond" };
          const set = (patch: Partial<Draft[string]>) =>
            setDraft((d) => ({ ...d, [option.id]: { ...entry, ...patch } }));
          return (
            <div key={option.id} className="salon-engraving__option">
              <label>
                {localizedName(option.label, i18n.language)}
                <input
                  value={entry.text}
                  maxLength={option.kind === "initials" ? option.maxLetters : option.maxLength}
                  data-testid={`salon-engrave-${option.id}`}
                  onChange={(e) => set({ text: e.target.value })}
                />
              </label>
              {option.fonts.length > 1 ? (
                <label>
                  {t("clienteling.salon.engraving.font")}
                  <select value={entry.font} onChange={(e) => set({ font: e.target.value as EngravingFont })}>
                    {option.fonts.map((f) => (
                      <option key={f} value={f}>
                        {FONT_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </div>
          );
        })}
        {problem && Object.keys(draft).length > 0 ? (
          <p className="salon-panel__note" role="alert">
            {problem}
          </p>
        ) : null}
        <button
          type="submit"
          className="button button--primary"
          disabled={!checked.success}
          data-testid="salon-engrave"
        >
          {t("clienteling.salon.engraving.show")}
        </button>
      </form>
    </section>
  );
}
