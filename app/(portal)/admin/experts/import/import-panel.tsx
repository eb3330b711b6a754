"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Field, FormAlert } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";

interface Row {
  line: number;
  name: string;
  licenseNumber: string;
  organization: string;
  ok: boolean;
  present: boolean;
  problems: string[];
}
interface Preview {
  total: number;
  valid: number;
  present: number;
  invalid: number;
  rows: Row[];
}
type Phase =
  | { name: "idle" }
  | { name: "uploading"; percent: number; importing: boolean }
  | { name: "previewed"; preview: Preview }
  | { name: "imported"; imported: number; present: number; rejected: number };

/** Sends the file with upload progress (fetch cannot report it) and reads the JSON or the error body. */
function send(
  url: string,
  file: File,
  onProgress: (percent: number) => void,
  responseType: "json" | "blob" = "json",
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = responseType;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function ImportPanel({ template }: { template: string }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const busy = phase.name === "uploading";

  const failed = (body: unknown) => {
    const e = (body as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
    setError({ message: e?.message ?? t("errors.internal"), field: e?.fields?.file });
  };

  async function run(url: string, importing: boolean) {
    if (!file) {
      setError({ message: t("roster.import.chooseFile") });
      return null;
    }
    setError(null);
    setPhase({ name: "uploading", percent: 0, importing });
    try {
      const { status, body } = await send(url, file, (percent) => setPhase({ name: "uploading", percent, importing }));
      if (status !== 200) {
        failed(body);
        return null;
      }
      return body;
    } catch {
      setError({ message: t("errors.internal") });
      return null;
    }
  }

  async function onPreview(event: React.FormEvent) {
    event.preventDefault();
    const body = (await run("/api/v1/experts/import/preview", false)) as Preview | null;
    setPhase(body ? { name: "previewed", preview: body } : { name: "idle" });
  }

  async function onImport(preview: Preview) {
    const body = (await run("/api/v1/experts/import", true)) as { imported: number; present: number; rejected: number } | null;
    setPhase(body ? { name: "imported", imported: body.imported, present: body.present, rejected: body.rejected } : { name: "previewed", preview });
  }

  async function onDownloadRejected() {
    if (!file) return;
    const { status, body } = await send("/api/v1/experts/import/rejected", file, () => {}, "blob");
    if (status !== 200) return setError({ message: t("errors.internal") });
    const extension = file.name.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
    download(body as Blob, `${file.name.replace(/\.[^.]+$/, "")}-rejected.${extension}`);
  }

  const reset = () => {
    setFile(null);
    setPhase({ name: "idle" });
    setError(null);
    if (input.current) input.current.value = "";
  };

  const preview = phase.name === "previewed" ? phase.preview : null;
  const rows = preview ? (onlyProblems ? preview.rows.filter((r) => !r.ok) : preview.rows) : [];
  const hasRejected = (preview && preview.invalid > 0) || (phase.name === "imported" && phase.rejected > 0);

  return (
    <div className="space-y-4">
      <form onSubmit={(event) => void onPreview(event)} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field id="file" label={t("roster.import.file")} hint={t("roster.import.fileHint")} error={error?.field}>
            {(aria) => (
              <input
                {...aria}
                ref={input}
                type="file"
                name="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setPhase({ name: "idle" });
                  setError(null);
                }}
                className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-800"
              />
            )}
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={busy || !file}>
          {t("roster.import.preview")}
        </Button>
      </form>
      <button
        type="button"
        onClick={() => download(new Blob(["\uFEFF" + template], { type: "text/csv" }), "roster-template.csv")}
        className="text-sm text-brand-700 underline"
      >
        {t("roster.import.template")}
      </button>

      {error ? <FormAlert message={error.message} /> : null}

      {phase.name === "uploading" ? (
        <div role="status" aria-live="polite" className="space-y-2">
          <p className="text-sm">
            {phase.importing
              ? t("roster.import.importing")
              : phase.percent < 100
                ? t("roster.import.uploading", { percent: phase.percent })
                : t("roster.import.previewing")}
          </p>
          <div className="h-2 overflow-hidden rounded bg-slate-100">
            <div
              className={`h-2 rounded bg-brand-600 transition-all ${phase.percent >= 100 ? "animate-pulse" : ""}`}
              style={{ width: `${Math.max(5, phase.percent)}%` }}
              role="progressbar"
              aria-valuenow={phase.percent}
              aria-valuemin={0}
              aria-valuemax={100}
            />
          </div>
        </div>
      ) : null}

      {preview ? (
        <section aria-labelledby="preview-summary" className="space-y-3">
          <h2 id="preview-summary" className="font-semibold" data-testid="import-summary">
            {t("roster.import.summary", { total: preview.total, valid: preview.valid, present: preview.present, invalid: preview.invalid })}
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            {preview.valid > 0 ? (
              <Button type="button" onClick={() => void onImport(preview)}>
                {t("roster.import.importValid", { count: preview.valid })}
              </Button>
            ) : (
              <p className="text-sm text-slate-600">{t("roster.import.nothingValid")}</p>
            )}
            {preview.invalid > 0 ? (
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={onlyProblems}
                  onChange={(e) => setOnlyProblems(e.target.checked)}
                  className="h-4 w-4 accent-brand-700"
                />
                {t("roster.import.onlyProblems")}
              </label>
            ) : null}
          </div>
          <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
            <table className="w-full text-left text-sm">
              <thead className="sticky top-0 bg-slate-50 text-slate-600">
                <tr>
                  <th className="px-2 py-2 font-medium">{t("roster.import.columns.line")}</th>
                  <th className="px-2 py-2 font-medium">{t("roster.import.columns.name")}</th>
                  <th className="hidden px-2 py-2 font-medium sm:table-cell">{t("roster.import.columns.licenseNumber")}</th>
                  <th className="px-2 py-2 font-medium">{t("roster.import.columns.result")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.line} className={row.ok ? "" : "bg-red-50"} data-testid={`import-row-${row.line}`}>
                    <td className="px-2 py-2 align-top tabular-nums">{row.line}</td>
                    <td className="px-2 py-2 align-top whitespace-nowrap">{row.name}</td>
                    <td className="hidden px-2 py-2 align-top font-mono sm:table-cell">{row.licenseNumber}</td>
                    <td className="px-2 py-2 align-top">
                      {row.present ? (
                        <Badge tone="neutral">{t("roster.import.row.onRoster")}</Badge>
                      ) : row.ok ? (
                        <Badge tone="success">{t("roster.import.ok")}</Badge>
                      ) : (
                        <ul className="list-disc space-y-0.5 pl-4 text-red-800">
                          {row.problems.map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {phase.name === "imported" ? (
        <FormAlert tone="success" message={t("roster.import.done", { imported: phase.imported, present: phase.present, rejected: phase.rejected })} />
      ) : null}

      <div className="flex flex-wrap gap-3">
        {hasRejected ? (
          <Button type="button" variant="secondary" onClick={() => void onDownloadRejected()}>
            {t("roster.import.downloadRejected")}
          </Button>
        ) : null}
        {phase.name === "imported" ? (
          <Button type="button" variant="ghost" onClick={reset}>
            {t("roster.import.another")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
