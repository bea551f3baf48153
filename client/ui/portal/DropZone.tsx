import { type DragEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { UPLOAD_ACCEPT } from "./uploadPrecheck.ts";

/**
 * Where a model comes in: drop the files (a .glb; a .gltf with its .bin and textures; or a .zip)
 * or pick them. Hands every file over at once.
 */
export function DropZone({
  disabled,
  maxBytesLabel,
  onFiles,
}: {
  disabled: boolean;
  maxBytesLabel: string;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: drag and drop target; the button inside is the keyboard path
    <div
      className="dropzone"
      data-over={over}
      data-disabled={disabled}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <svg className="dropzone__icon" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true">
        <path d="M24 6 8 15v18l16 9 16-9V15z" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M8 15l16 9 16-9M24 24v18" fill="none" stroke="currentColor" strokeWidth="1.2" />
      </svg>
      <p className="dropzone__title">{t("portal.upload.drop")}</p>
      <p className="dropzone__hint" id={hintId}>
        {t("portal.upload.formats", { max: maxBytesLabel })}
      </p>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        aria-describedby={hintId}
      >
        {t("portal.upload.choose")}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={UPLOAD_ACCEPT.join(",")}
        className="sr-only"
        tabIndex={-1}
        disabled={disabled}
        data-testid="upload-input"
        aria-label={t("portal.upload.choose")}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
