import { type RefObject, useEffect, useRef } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps keyboard focus inside a modal dialog while it is open: focuses its first control (or the
 * element marked `data-autofocus`), wraps Tab and Shift+Tab, closes on Escape, and gives focus
 * back to whatever had it before the dialog opened.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  // The latest callback, so that a new function on every render does not re-run the trap (and
  // steal focus back to the first control).
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusables = () =>
      Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((e) => e.offsetParent !== null);
    const first = dialog.querySelector<HTMLElement>("[data-autofocus]") ?? focusables()[0] ?? dialog;
    first.focus();

    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close.current();
        return;
      }
      if (e.key !== "Tab") return;
      const list = focusables();
      if (list.length === 0) {
        e.preventDefault();
        return;
      }
      const head = list[0];
      const tail = list[list.length - 1];
      if (e.shiftKey && (document.activeElement === head || !dialog.contains(document.activeElement))) {
        e.preventDefault();
        tail?.focus();
      } else if (
        !e.shiftKey &&
        (document.activeElement === tail || !dialog.contains(document.activeElement))
      ) {
        e.preventDefault();
        head?.focus();
      }
    };
    dialog.addEventListener("keydown", onKey);
    return () => {
      dialog.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, [ref]);
}
