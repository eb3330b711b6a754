"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, inputClass, labelClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { emptyDisputeRow, isBlankDisputeRow, kindMatcher, parsePastedDisputes, type DisputeRowText } from "@/lib/disputes/paste-rows";
import { disputeKinds, type DisputeKind } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";
import type { BoardData } from "./types";

type Row = DisputeRowText & { key: number };
type RowField = keyof DisputeRowText;
const columns: RowField[] = ["counterpartyName", "claimedYuan", "kind", "counterpartyCreditCode"];

/**
 * "Add several disputes": a table of rows, typed or pasted from a spreadsheet, saved together by
 * one action, all or none. Every row is checked against the action's schema first; a wrong row
 * keeps its message under the field and in the list above ("第 3 行：…"), and nothing is sent.
 */
export function AddDisputesTable({
  requestId,
  counterparties,
  kindLabels,
}: {
  requestId: string;
  counterparties: BoardData["counterparties"];
  kindLabels: BoardData["kindLabels"];
}) {
  const { t } = useT();
  const id = useId();
  const nextKey = useRef(0);
  const newRow = (text: DisputeRowText = emptyDisputeRow()): Row => ({ ...text, key: nextKey.current++ });
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [paste, setPaste] = useState("");
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  // the table row each sent row came from (blank rows are not sent)
  const sentFrom = useRef<number[]>([]);

  const { run, pending, message } = useServerAction(useDisputeActions().createDisputes, {
    schema: () => import("@/lib/disputes/schemas").then((m) => m.createDisputesFormSchema),
    onFailure: ({ fields }) => {
      const byRow: Record<string, string>[] = rows.map(() => ({}));
      for (const [path, text] of Object.entries(fields)) {
        const [head, index, field] = path.split(".");
        const row = head === "rows" && field ? sentFrom.current[Number(index)] : undefined;
        if (row !== undefined) byRow[row]![field!] = text;
      }
      setErrors(byRow);
      setFormError(fields.rows ?? null);
    },
    onSuccess: ({ ids }) => {
      setOpen(false);
      setDone(t("disputes.bulkAdd.done", { count: ids.length }));
    },
  });

  const kindOf = kindMatcher(kindLabels);
  const filled = rows.filter((row) => !isBlankDisputeRow(row)).length;
  const rowMessages = errors.flatMap((fields, i) =>
    columns.filter((f) => fields[f]).map((f) => ({ key: `${i}-${f}`, text: t("disputes.bulkAdd.rowError", { row: i + 1, message: fields[f]! }) })),
  );

  function start() {
    setRows([newRow(), newRow(), newRow()]);
    setErrors([]);
    setFormError(null);
    setPaste("");
    setPasteNote(null);
    setDone(null);
    setOpen(true);
  }

  function change(index: number, field: RowField, value: string) {
    setRows((current) =>
      current.map((row, i) => {
        if (i !== index) return row;
        const next = { ...row, [field]: value };
        // a counterparty named in the request brings its credit code along
        const known = field === "counterpartyName" ? counterparties.find((c) => c.name === value.trim()) : undefined;
        if (known?.creditCode && !row.counterpartyCreditCode) next.counterpartyCreditCode = known.creditCode;
        return next;
      }),
    );
    setErrors((current) => current.map((fields, i) => (i === index ? { ...fields, [field]: "" } : fields)));
  }

  function remove(index: number) {
    setRows((current) => (current.length > 1 ? current.filter((_, i) => i !== index) : [newRow()]));
    setErrors((current) => current.filter((_, i) => i !== index));
  }

  function fillFromPaste() {
    const pasted = parsePastedDisputes(paste, kindOf);
    if (!pasted.length) return setPasteNote(t("disputes.bulkAdd.pasteEmpty"));
    const kept = rows.filter((row) => !isBlankDisputeRow(row));
    setRows([...kept, ...pasted.map((text) => newRow(text))]);
    setErrors([]);
    setFormError(null);
    setPaste("");
    setPasteNote(t("disputes.bulkAdd.pasted", { count: pasted.length }));
  }

  function submit() {
    const sent = rows.flatMap((row, i) => (isBlankDisputeRow(row) ? [] : [{ row, i }]));
    sentFrom.current = sent.map(({ i }) => i);
    setFormError(null);
    void run({
      requestId,
      rows: sent.map(({ row: { counterpartyName, counterpartyCreditCode, kind, claimedYuan } }) => ({
        counterpartyName,
        counterpartyCreditCode,
        kind: kind as DisputeKind,
        claimedYuan,
      })),
    });
  }

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={start}>
          {t("disputes.bulkAdd.open")}
        </Button>
        {done ? <FormAlert tone="success" message={done} /> : null}
      </div>
    );
  }

  const cellId = (i: number, field: RowField) => `${id}-${i}-${field}`;
  const label = (i: number, text: string) => (
    <>
      <span className="sr-only">{t("disputes.bulkAdd.row", { row: i + 1 })} </span>
      {text}
    </>
  );
  const cell = (
    i: number,
    field: RowField,
    text: string,
    control: (aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode,
    wide = false,
  ) => {
    const error = errors[i]?.[field];
    const cid = cellId(i, field);
    return (
      <td className={`block py-1 md:table-cell md:py-2 md:pr-2 md:align-top ${wide ? "md:w-[30%]" : ""}`}>
        <label htmlFor={cid} className="mb-1 block text-xs font-medium text-slate-700 md:sr-only">
          {label(i, text)}
        </label>
        {control({ id: cid, "aria-invalid": Boolean(error), "aria-describedby": error ? `${cid}-error` : undefined })}
        {error ? (
          <p id={`${cid}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </td>
    );
  };

  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <h3 className="font-medium text-slate-900">{t("disputes.bulkAdd.title")}</h3>
      <p className="text-sm text-slate-600">{t("disputes.bulkAdd.intro")}</p>

      <div className="space-y-2">
        <label htmlFor={`${id}-paste`} className={labelClass}>
          {t("disputes.bulkAdd.pasteLabel")}
        </label>
        <textarea
          id={`${id}-paste`}
          aria-describedby={`${id}-paste-hint`}
          className={`${inputClass} font-mono`}
          rows={3}
          value={paste}
          onChange={(e) => (setPaste(e.target.value), setPasteNote(null))}
        />
        <p id={`${id}-paste-hint`} className="text-xs text-slate-500">
          {t("disputes.bulkAdd.pasteHint")}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" disabled={!paste.trim()} onClick={fillFromPaste}>
            {t("disputes.bulkAdd.pasteApply")}
          </Button>
          {pasteNote ? (
            <span role="status" className="text-sm text-slate-700">
              {pasteNote}
            </span>
          ) : null}
        </div>
      </div>

      {rowMessages.length || formError ? (
        <div role="alert" data-testid="form-alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{formError ?? t("disputes.bulkAdd.fixRows", { count: errors.filter((f) => columns.some((c) => f[c])).length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {rowMessages.map((m) => (
              <li key={m.key}>{m.text}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormAlert message={message?.text} tone={message?.tone} />
      )}

      <datalist id={`${id}-counterparties`}>
        {counterparties.map((c, i) => (
          <option key={i} value={c.name} />
        ))}
      </datalist>
      <table className="block w-full text-left text-sm md:table" aria-label={t("disputes.bulkAdd.rowsLabel")}>
        <thead className="hidden text-slate-600 md:table-header-group">
          <tr>
            <th className="w-10 py-1 pr-2 font-medium">#</th>
            <th className="py-1 pr-2 font-medium">{t("disputes.add.counterpartyName")}</th>
            <th className="py-1 pr-2 font-medium">{t("disputes.add.claimedYuan")}</th>
            <th className="py-1 pr-2 font-medium">{t("disputes.add.kind")}</th>
            <th className="py-1 pr-2 font-medium">{t("disputes.add.counterpartyCreditCode")}</th>
            <th className="py-1 font-medium" />
          </tr>
        </thead>
        <tbody className="block space-y-2 md:table-row-group md:space-y-0">
          {rows.map((row, i) => {
            const hasError = columns.some((f) => errors[i]?.[f]);
            return (
              <tr
                key={row.key}
                className={`block rounded-md border bg-white p-3 md:table-row md:border-0 md:bg-transparent md:p-0 ${hasError ? "border-red-300 md:bg-red-50" : "border-slate-200"}`}
              >
                <th
                  scope="row"
                  className="block pb-1 text-left text-sm font-semibold text-slate-700 md:table-cell md:py-2 md:pr-2 md:align-top md:leading-9"
                >
                  <span className="md:hidden">{t("disputes.bulkAdd.row", { row: i + 1 })}</span>
                  <span className="hidden md:inline">{i + 1}</span>
                </th>
                {cell(
                  i,
                  "counterpartyName",
                  t("disputes.add.counterpartyName"),
                  (aria) => (
                    <TextInput
                      {...aria}
                      list={`${id}-counterparties`}
                      maxLength={200}
                      autoComplete="off"
                      value={row.counterpartyName}
                      onChange={(e) => change(i, "counterpartyName", e.target.value)}
                    />
                  ),
                  true,
                )}
                {cell(i, "claimedYuan", t("disputes.add.claimedYuan"), (aria) => (
                  <TextInput
                    {...aria}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.claimedYuan}
                    onChange={(e) => change(i, "claimedYuan", e.target.value)}
                  />
                ))}
                {cell(i, "kind", t("disputes.add.kind"), (aria) => (
                  <select {...aria} className={`${inputClass} min-w-32`} value={row.kind} onChange={(e) => change(i, "kind", e.target.value)}>
                    {(disputeKinds as readonly string[]).includes(row.kind) ? null : (
                      <option value={row.kind}>{t("disputes.bulkAdd.kindChoose", { text: row.kind })}</option>
                    )}
                    {disputeKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`enums.disputeKind.${kind}`)}
                      </option>
                    ))}
                  </select>
                ))}
                {cell(i, "counterpartyCreditCode", t("disputes.add.counterpartyCreditCode"), (aria) => (
                  <TextInput
                    {...aria}
                    autoCapitalize="characters"
                    spellCheck={false}
                    autoComplete="off"
                    value={row.counterpartyCreditCode}
                    onChange={(e) => change(i, "counterpartyCreditCode", e.target.value)}
                  />
                ))}
                <td className="block pt-1 md:table-cell md:py-2 md:align-top">
                  <Button type="button" variant="ghost" className="px-2" onClick={() => remove(i)}>
                    <span aria-hidden="true" className="hidden md:inline">
                      ✕
                    </span>
                    <span className="md:sr-only">{t("disputes.bulkAdd.removeRow", { row: i + 1 })}</span>
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {counterparties.length ? <p className="text-xs text-slate-500">{t("disputes.add.counterpartyHint")}</p> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <Button type="button" variant="secondary" onClick={() => setRows((current) => [...current, newRow()])}>
          {t("disputes.bulkAdd.addRow")}
        </Button>
        <Button type="button" disabled={pending} onClick={submit}>
          {pending ? t("disputes.bulkAdd.submitting") : t("disputes.bulkAdd.submit", { count: filled })}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("common.actions.cancel")}
        </Button>
      </div>
    </div>
  );
}
