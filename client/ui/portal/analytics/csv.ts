/**
 * CSV as RFC 4180 reads it, so spreadsheets open what the portal exports: fields separated by
 * commas, records by CRLF, and any field holding a comma, a quote, a line break or leading/trailing
 * space wrapped in quotes with its quotes doubled. A field starting with = + - @ (or a tab / CR) is
 * prefixed with an apostrophe so a spreadsheet never runs it as a formula (CSV injection).
 */
export type CsvCell = string | number | null;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row and the records, as one CSV text (ending with CRLF). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/** Saves CSV text as a file (UTF-8 with a BOM, which spreadsheets need to read accents and CJK). */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
