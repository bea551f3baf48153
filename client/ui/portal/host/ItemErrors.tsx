import type { FieldIssue } from "../../../../shared/errors.ts";

/** The issues of one form item that no single language field shows (ids, products, questions). */
export function ItemErrors({
  issues,
  shownPaths,
}: {
  issues: readonly FieldIssue[];
  shownPaths: ReadonlySet<string>;
}) {
  const rest = issues.filter((i) => !shownPaths.has(i.path));
  if (rest.length === 0) return null;
  return (
    <ul className="host-lines__itemErrors">
      {rest.map((i) => (
        <li key={`${i.path}\u0000${i.message}`} className="form__error">
          <code>{i.path}</code> {i.message}
        </li>
      ))}
    </ul>
  );
}
