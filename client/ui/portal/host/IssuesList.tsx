import { useTranslation } from "react-i18next";
import type { FieldIssue } from "../../../../shared/errors.ts";

/** Brings the form item an issue is about into view (the longest `data-path` that prefixes it). */
function reveal(path: string): void {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const el = document.querySelector(`[data-path="${CSS.escape(parts.slice(0, n).join("."))}"]`);
    if (el instanceof HTMLElement) {
      el.scrollIntoView({ behavior: "smooth", block: "center" });
      el.querySelector<HTMLElement>("input, textarea, select")?.focus({ preventScroll: true });
      return;
    }
  }
}

/** Every validation error of the document, each with its path and reason. */
export function IssuesList({ issues, linkable }: { issues: readonly FieldIssue[]; linkable: boolean }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="host-lines__issues" role="alert" data-testid="host-lines-issues">
      <h3 className="host-lines__issuesTitle">{t("host.portal.errorsTitle", { count: issues.length })}</h3>
      <ol className="host-lines__issueList">
        {issues.map((issue) => (
          <li
            key={`${issue.path}\u0000${issue.message}`}
            className="host-lines__issue"
            data-path-ref={issue.path}
          >
            {linkable ? (
              <button type="button" className="host-lines__path" onClick={() => reveal(issue.path)}>
                {issue.path}
              </button>
            ) : (
              <code className="host-lines__path">{issue.path}</code>
            )}
            <span className="host-lines__reason">{issue.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
