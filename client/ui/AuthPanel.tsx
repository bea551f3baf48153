import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { SignInBody, SignUpBody } from "../../shared/auth.ts";
import { ApiError } from "../net/api.ts";
import { useSessionStore } from "../stores/sessionStore.ts";

/** Sign in or sign up; fields are checked with the same schemas the server uses. */
export function AuthPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"signIn" | "signUp">("signIn");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { signIn, signUp } = useSessionStore.getState();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const parsed = mode === "signIn" ? SignInBody.safeParse(form) : SignUpBody.safeParse(form);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join(" · "));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (mode === "signIn") await signIn(parsed.data as SignInBody);
      else await signUp(parsed.data as SignUpBody);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-label={t(mode === "signIn" ? "auth.signIn" : "auth.signUp")}
    >
      <form className="dialog__panel" onSubmit={submit}>
        <h2>{t(mode === "signIn" ? "auth.signIn" : "auth.signUp")}</h2>
        {mode === "signUp" ? (
          <label>
            {t("auth.displayName")}
            <input name="displayName" autoComplete="nickname" required />
          </label>
        ) : null}
        <label>
          {t("auth.email")}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t("auth.password")}
          <input
            name="password"
            type="password"
            autoComplete={mode === "signIn" ? "current-password" : "new-password"}
            required
          />
        </label>
        {error ? (
          <p className="dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("auth.submit")}
        </button>
        <button
          type="button"
          className="button button--link"
          onClick={() => setMode(mode === "signIn" ? "signUp" : "signIn")}
        >
          {t(mode === "signIn" ? "auth.noAccount" : "auth.haveAccount")}
        </button>
        <button type="button" className="button button--link" onClick={onDone}>
          {t("auth.close")}
        </button>
      </form>
    </div>
  );
}
