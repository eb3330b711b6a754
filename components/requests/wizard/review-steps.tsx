"use client";

import { Field, inputClass } from "@/components/ui/field";
import { FilePicker } from "@/components/ui/file-picker";
import { useT } from "@/lib/i18n/client";
import { formatFen, parseYuan } from "@/lib/money";
import type { RequestLanguage } from "@/lib/requests/schemas";
import type { StepFields, StepProps, WizardOptions } from "./steps";

/** Files chosen now and uploaded right after the request is filed (a File cannot survive a reload). */
export function FilesStep({ files, setFiles, accept }: { files: File[]; setFiles: (files: File[]) => void; accept: string }) {
  const { t } = useT();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("requests.new.filesHint")}</p>
      <FilePicker
        id="files"
        accept={accept}
        files={files}
        setFiles={setFiles}
        labels={{
          choose: t("requests.new.chooseFiles"),
          remove: t("requests.new.removeFile"),
          tooLarge: (name) => t("requests.new.fileTooLarge", { name }),
        }}
      />
      <p className="text-xs text-slate-500">{t("requests.new.filesNote")}</p>
    </div>
  );
}
FilesStep.fields = [] as const satisfies StepFields;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm break-words whitespace-pre-wrap text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Everything once more before it is sent, in the words the filer chose. */
export function ReviewStep({
  draft,
  update,
  errors,
  options,
  files,
  caller,
  isAmend,
}: StepProps & { options: WizardOptions; files: File[]; caller: "walkIn" | "hotline" | null; isAmend: boolean }) {
  const { t } = useT();
  const none = t("requests.new.none");
  const amount = draft.amountYuan.trim() ? parseYuan(draft.amountYuan) : null;
  const region = options.regionGroups
    .flatMap((g) => [{ code: g.code, name: g.name }, ...g.towns.map((town) => ({ code: town.code, name: `${g.name} · ${town.name}` }))])
    .find((r) => r.code === draft.regionCode);
  const counterparties = draft.counterparties.filter((c) => c.name.trim());
  const specialties = options.specialties.filter((s) => draft.specialties.includes(s.code)).map((s) => s.name);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("requests.new.reviewHint")}</p>
      <dl className="divide-y divide-slate-100">
        {caller === "hotline" && !isAmend && draft.channel === "referral" ? (
          <Row label={t("referrals.form.referredBy")}>
            {[draft.referredBy.body, draft.referredBy.contactName, draft.referredBy.contactPhone, draft.referredBy.reference]
              .filter(Boolean)
              .join(" · ") || none}
          </Row>
        ) : null}
        {caller ? (
          <Row label={caller === "hotline" ? t("requests.new.hotlineStep") : t("requests.new.steps.walkIn")}>
            {[
              draft.enterprise.name,
              caller === "hotline" && draft.enterprise.kind !== "company" ? t(`referrals.partyKind.${draft.enterprise.kind}`) : "",
              draft.enterprise.kind === "company" ? draft.enterprise.creditCode : "",
              draft.enterprise.contactName,
              draft.enterprise.contactPhone,
            ]
              .filter(Boolean)
              .join(" · ") || none}
          </Row>
        ) : null}
        <Row label={t("requests.new.steps.category")}>{draft.category ? t(`requests.categories.${draft.category}.label`) : none}</Row>
        <Row label={t("requests.new.titleField")}>{draft.title || none}</Row>
        <Row label={t("requests.new.description")}>{draft.description || none}</Row>
        <Row label={t("requests.new.amount")}>{amount?.ok ? formatFen(amount.fen) : draft.amountYuan || none}</Row>
        <Row label={t("requests.new.urgency")}>{t(`enums.urgency.${draft.urgency}`)}</Row>
        <Row label={t("requests.new.counterparties")}>
          {counterparties.length ? counterparties.map((c) => (c.creditCode ? `${c.name}（${c.creditCode}）` : c.name)).join("\n") : none}
        </Row>
        <Row label={t("requests.new.region")}>{region?.name ?? none}</Row>
        <Row label={t("requests.new.specialties")}>{specialties.join("、") || none}</Row>
        <Row label={t("requests.new.language")}>
          {draft.language ? t(`enums.language.${draft.language as RequestLanguage}`) : t("requests.new.noPreference")}
        </Row>
        <Row label={t("requests.new.serviceMode")}>
          {draft.serviceMode ? t(`enums.serviceMode.${draft.serviceMode}`) : t("requests.new.noPreference")}
        </Row>
        {options.preferredExpert && draft.preferredExpertId === options.preferredExpert.id ? (
          <Row label={t("requests.new.preferredExpert")}>{options.preferredExpert.name}</Row>
        ) : null}
        {!isAmend ? <Row label={t("requests.new.files")}>{files.length ? files.map((f) => f.name).join("\n") : none}</Row> : null}
      </dl>
      {isAmend ? (
        <Field id="note" label={t("requests.actions.amendNote")} hint={t("requests.actions.amendNoteHint")} error={errors.note}>
          {(aria) => <textarea {...aria} value={draft.note} onChange={(e) => update({ note: e.target.value })} rows={3} className={inputClass} />}
        </Field>
      ) : null}
    </div>
  );
}
ReviewStep.fields = ["note"] as const satisfies StepFields;
