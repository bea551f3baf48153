import { useTranslation } from "react-i18next";
import type { VariantLabel } from "../../../shared/models.ts";
import { localize } from "../../../shared/money.ts";

/**
 * One button per KHR_materials_variants variant of the model, labelled in the shopper's language
 * when the brand named it, else by the name in the file.
 */
export function VariantPicker({
  names,
  labels,
  selected,
  onSelect,
}: {
  names: string[];
  labels: readonly VariantLabel[];
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (names.length === 0) return null;
  return (
    <fieldset className="viewer__variants" data-testid="viewer-variants">
      <legend>{t("viewer.variants")}</legend>
      {names.map((name, i) => {
        const label = labels.find((l) => l.name === name);
        return (
          <button
            key={name}
            type="button"
            className="viewer__variant"
            aria-pressed={selected === i}
            onClick={() => onSelect(i)}
            data-variant={name}
          >
            {label ? localize(label.label, i18n.language) : name}
          </button>
        );
      })}
    </fieldset>
  );
}
