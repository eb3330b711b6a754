"use client";

import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { isOverClaim, overClaimFigures, type OverClaimFigures } from "@/lib/disputes/over-claim";
import { recoveryMethods } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { formatFen, parseYuan } from "@/lib/money";
import { useDisputeActions } from "./actions-context";

/**
 * "Record money received" for one dispute: amount typed in yuan (parsed as text), date, method,
 * evidence. An amount above what is outstanding is not sent until the recorder has seen the
 * figures side by side and confirmed them: the form asks at once from the figures it was given,
 * and again with the server's figures when the ledger moved meanwhile. Changing the amount
 * withdraws the question, so a confirmation always belongs to the figures shown.
 */
export function RecordRecoveryForm({
  disputeId,
  today,
  claimedFen,
  recoveredFen,
}: {
  disputeId: string;
  today: string;
  claimedFen: bigint;
  recoveredFen: bigint;
}) {
  const { t } = useT();
  const { recordRecovery } = useDisputeActions();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const [figures, setFigures] = useState<OverClaimFigures | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const { run, pending, message, fields } = useServerAction(recordRecovery, {
    onSuccess: (data) => {
      if ("overClaim" in data) return setFigures(data.overClaim);
      setFigures(null);
      setOpen(false);
      setDone(true);
    },
  });
  const id = (name: string) => `${name}-${disputeId}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!figures) {
      const amount = parseYuan(String(form.get("amountYuan") ?? ""), { allowZero: false });
      const known = amount.ok ? overClaimFigures(claimedFen, recoveredFen, amount.fen) : null;
      if (known && isOverClaim(known)) return setFigures(known);
    }
    void run(form);
  }

  function changeAmount() {
    setFigures(null);
    amountRef.current?.focus();
    amountRef.current?.select();
  }

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" className="min-h-9 px-3 py-1.5" onClick={() => (setOpen(true), setDone(false))}>
          {t("disputes.ledger.record")}
        </Button>
        {done ? <FormAlert tone="success" message={t("disputes.ledger.recorded")} /> : null}
      </div>
    );
  }
  return (
    <form noValidate className="space-y-3 rounded-md border border-slate-200 bg-white p-3" onSubmit={submit}>
      <h4 className="text-sm font-semibold text-slate-900">{t("disputes.ledger.recordTitle")}</h4>
      <FormAlert message={message?.text} tone={message?.tone} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("amount")} label={t("disputes.ledger.amountYuan")} hint={t("disputes.ledger.amountHint")} error={fields.amountYuan}>
          {(aria) => (
            <TextInput
              {...aria}
              ref={amountRef}
              name="amountYuan"
              inputMode="decimal"
              required
              autoComplete="off"
              onChange={() => setFigures(null)}
            />
          )}
        </Field>
        <Field id={id("received")} label={t("disputes.ledger.receivedOn")} error={fields.receivedOn}>
          {(aria) => <TextInput {...aria} type="date" name="receivedOn" required max={today} defaultValue={today} />}
        </Field>
        <Field id={id("method")} label={t("disputes.ledger.method")} error={fields.method}>
          {(aria) => (
            <select {...aria} name="method" className={inputClass} defaultValue="negotiation">
              {recoveryMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`enums.recoveryMethod.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={id("note")} label={t("disputes.ledger.note")} error={fields.note}>
        {(aria) => <TextInput {...aria} name="note" maxLength={1000} placeholder={t("disputes.ledger.notePlaceholder")} autoComplete="off" />}
      </Field>
      {figures ? (
        <OverClaimConfirmation figures={figures} pending={pending} onChange={changeAmount} headingId={id("over-claim")} />
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button type="submit" disabled={pending}>
            {pending ? t("disputes.ledger.recording") : t("disputes.ledger.record")}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
            {t("common.actions.cancel")}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The figures side by side, with the two ways on; confirming submits the form with the confirmation. */
function OverClaimConfirmation({
  figures,
  pending,
  onChange,
  headingId,
}: {
  figures: OverClaimFigures;
  pending: boolean;
  onChange: () => void;
  headingId: string;
}) {
  const { t } = useT();
  const rows = [
    { label: t("disputes.ledger.overClaim.claimed"), fen: figures.claimedFen },
    { label: t("disputes.ledger.overClaim.recovered"), fen: figures.recoveredFen },
    { label: t("disputes.ledger.overClaim.outstanding"), fen: figures.outstandingFen },
    { label: t("disputes.ledger.overClaim.thisEntry"), fen: figures.amountFen, strong: true },
    { label: t("disputes.ledger.overClaim.totalAfter"), fen: figures.totalAfterFen, strong: true },
  ];
  return (
    <section role="group" aria-labelledby={headingId} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <input type="hidden" name="confirmOverClaim" value="true" />
      <div aria-live="polite">
        <h5 id={headingId} className="text-sm font-semibold text-amber-900">
          {t("disputes.ledger.overClaim.title")}
        </h5>
        <p className="mt-1 text-sm text-slate-700">{t("disputes.ledger.overClaim.intro")}</p>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="over-claim-figures">
        {rows.map((row, i) => (
          // on a phone the fifth figure, the total after, takes the whole last line
          <div
            key={row.label}
            className={`rounded border bg-white px-2 py-1.5 ${row.strong ? "border-amber-400" : "border-slate-200"} ${i === rows.length - 1 ? "col-span-2 sm:col-span-1" : ""}`}
          >
            <dt className="text-xs text-slate-600">{row.label}</dt>
            <dd className={`text-sm tabular-nums break-words ${row.strong ? "font-semibold text-amber-900" : "text-slate-900"}`}>
              {formatFen(row.fen)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" disabled={pending}>
          {pending ? t("disputes.ledger.recording") : t("disputes.ledger.overClaim.confirm")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={onChange}>
          {t("disputes.ledger.overClaim.change")}
        </Button>
      </div>
    </section>
  );
}
