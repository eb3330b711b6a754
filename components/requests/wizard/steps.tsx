"use client";

import { ZoneRegionOptions } from "@/components/roster/zone-region-options";
import { Button } from "@/components/ui/button";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { partyKinds, referralBodyKinds, requestCategories, serviceModes, urgencies } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { formatFen, parseYuan } from "@/lib/money";
import type { RegionGroup } from "@/lib/regions/zone-groups";
import { languageCodes } from "@/lib/roster/languages";
import type { RequestDraft } from "./draft";

export interface StepProps {
  draft: RequestDraft;
  update: (change: Partial<RequestDraft>) => void;
  errors: Record<string, string>;
}

/** The draft fields a step asks for, so an error found later can send the filer back to it. */
export type StepFields = readonly (keyof RequestDraft)[];

export interface WizardOptions {
  specialties: { code: string; name: string }[];
  regionGroups: RegionGroup[];
  preferredExpert: { id: string; name: string } | null;
}

const textareaClass = `${inputClass} min-h-32`;

const choiceClass =
  "flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-4 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50";

/** An admin's filing: a hotline call or a referral (转办), and for a referral the body that referred it. */
function ChannelFields({ draft, update, errors }: StepProps) {
  const { t } = useT();
  const by = draft.referredBy;
  const set = (field: keyof RequestDraft["referredBy"]) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    update({ referredBy: { ...by, [field]: event.target.value } });
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("referrals.form.channel")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(["hotline", "referral"] as const).map((channel) => (
            <label key={channel} className={choiceClass}>
              <input type="radio" name="channel" value={channel} checked={draft.channel === channel} onChange={() => update({ channel })} />
              {t(channel === "hotline" ? "referrals.form.channelHotline" : "referrals.form.channelReferral")}
            </label>
          ))}
        </div>
      </fieldset>
      {draft.channel === "referral" ? (
        <fieldset className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("referrals.form.referredBy")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="referral-body" label={t("referrals.form.body")} hint={t("referrals.form.bodyHint")} error={errors["referredBy.body"]}>
              {(aria) => <TextInput {...aria} value={by.body} onChange={set("body")} />}
            </Field>
            <Field id="referral-kind" label={t("referrals.form.bodyKind")} error={errors["referredBy.kind"]}>
              {(aria) => (
                <select {...aria} value={by.kind} onChange={set("kind")} className={inputClass}>
                  <option value="">{t("referrals.form.bodyKindPlaceholder")}</option>
                  {referralBodyKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`referrals.bodyKind.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="referral-contact" label={t("referrals.form.bodyContactName")} error={errors["referredBy.contactName"]}>
              {(aria) => <TextInput {...aria} value={by.contactName} onChange={set("contactName")} />}
            </Field>
            <Field id="referral-phone" label={t("referrals.form.bodyContactPhone")} error={errors["referredBy.contactPhone"]}>
              {(aria) => <TextInput {...aria} type="tel" inputMode="tel" value={by.contactPhone} onChange={set("contactPhone")} />}
            </Field>
          </div>
          <Field id="referral-reference" label={t("referrals.form.reference")} error={errors["referredBy.reference"]}>
            {(aria) => <TextInput {...aria} value={by.reference} onChange={set("reference")} />}
          </Field>
        </fieldset>
      ) : null}
      {errors.referredBy ? <p className="text-sm text-red-700">{errors.referredBy}</p> : null}
    </div>
  );
}

/**
 * Who the filing is for: a station's walk-in, or (`hotline`) an admin's filing: a caller of the law
 * society's line or a referred case, for a company, a person (with an optional ID number) or a group.
 */
export function WalkInStep({ draft, update, errors, hotline = false }: StepProps & { hotline?: boolean }) {
  const { t } = useT();
  const set = (field: keyof RequestDraft["enterprise"]) => (event: React.ChangeEvent<HTMLInputElement>) =>
    update({ enterprise: { ...draft.enterprise, [field]: event.target.value } });
  const kind = hotline ? draft.enterprise.kind : "company";
  return (
    <div className="space-y-4">
      {hotline ? <ChannelFields draft={draft} update={update} errors={errors} /> : null}
      {hotline ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("referrals.form.partyKind")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {partyKinds.map((k) => (
              <label key={k} className={choiceClass}>
                <input
                  type="radio"
                  name="partyKind"
                  value={k}
                  checked={draft.enterprise.kind === k}
                  onChange={() => update({ enterprise: { ...draft.enterprise, kind: k } })}
                />
                {t(`referrals.partyKind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <Field
        id="walkin-name"
        label={hotline ? (kind === "company" ? t("requests.new.hotlineName") : t("referrals.form.partyName")) : t("requests.new.walkInName")}
        hint={
          hotline ? (kind === "company" ? t("requests.new.hotlineNameHint") : t("referrals.form.partyNameHint")) : t("requests.new.walkInNameHint")
        }
        error={errors["enterprise.name"]}
      >
        {(aria) => <TextInput {...aria} value={draft.enterprise.name} onChange={set("name")} autoComplete="organization" />}
      </Field>
      {kind === "company" ? (
        <Field
          id="walkin-code"
          label={t("requests.new.walkInCreditCode")}
          hint={t("requests.new.walkInCreditCodeHint")}
          error={errors["enterprise.creditCode"]}
        >
          {(aria) => (
            <TextInput {...aria} value={draft.enterprise.creditCode} onChange={set("creditCode")} autoCapitalize="characters" spellCheck={false} />
          )}
        </Field>
      ) : null}
      {kind === "person" ? (
        <Field
          id="walkin-id-number"
          label={t("referrals.form.idNumber")}
          hint={t("referrals.form.idNumberHint")}
          error={errors["enterprise.idNumber"]}
        >
          {(aria) => (
            <TextInput
              {...aria}
              value={draft.enterprise.idNumber}
              onChange={set("idNumber")}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={24}
            />
          )}
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="walkin-contact" label={t("requests.new.contactName")} error={errors["enterprise.contactName"]}>
          {(aria) => <TextInput {...aria} value={draft.enterprise.contactName} onChange={set("contactName")} autoComplete="name" />}
        </Field>
        <Field id="walkin-phone" label={t("requests.new.contactPhone")} error={errors["enterprise.contactPhone"]}>
          {(aria) => (
            <TextInput {...aria} type="tel" inputMode="tel" value={draft.enterprise.contactPhone} onChange={set("contactPhone")} autoComplete="tel" />
          )}
        </Field>
      </div>
    </div>
  );
}
WalkInStep.fields = ["enterprise", "channel", "referredBy"] as const satisfies StepFields;

export function CategoryStep({ draft, update, errors }: StepProps) {
  const { t } = useT();
  return (
    <fieldset aria-describedby={`category-hint${errors.category ? " category-error" : ""}`}>
      <legend className="text-base font-medium text-slate-900">{t("requests.new.category")}</legend>
      <p id="category-hint" className="mt-1 text-sm text-slate-600">
        {t("requests.new.categoryHint")}
      </p>
      {errors.category ? (
        <p id="category-error" className="mt-1 text-sm text-red-700">
          {errors.category}
        </p>
      ) : null}
      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {requestCategories.map((code) => (
          <label
            key={code}
            className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 bg-white p-3 hover:border-brand-600 has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-600"
          >
            <input
              type="radio"
              name="category"
              value={code}
              checked={draft.category === code}
              onChange={() => update({ category: code })}
              className="mt-1"
            />
            <span>
              <span className="block font-medium text-slate-900">{t(`requests.categories.${code}.label`)}</span>
              <span className="block text-sm text-slate-600">{t(`requests.categories.${code}.hint`)}</span>
              <span className="mt-1 block text-xs text-slate-500">{t(`enums.requestCategory.${code}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
CategoryStep.fields = ["category"] as const satisfies StepFields;

function CounterpartyEditor({ draft, update, errors }: StepProps) {
  const { t } = useT();
  const rows = draft.counterparties;
  const change = (index: number, field: "name" | "creditCode", value: string) =>
    update({ counterparties: rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)) });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t("requests.new.counterparties")}</legend>
      <p className="text-xs text-slate-500">{t("requests.new.counterpartiesHint")}</p>
      <ol className="space-y-3">
        {rows.map((row, index) => (
          <li key={index} className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <div className="mb-2 flex items-center justify-between">
              <span className="text-xs font-medium text-slate-600">{t("requests.new.counterpartyNumber", { n: index + 1 })}</span>
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="text-sm text-red-700 hover:underline"
                  onClick={() => update({ counterparties: rows.filter((_, i) => i !== index) })}
                  aria-label={`${t("requests.new.removeCounterparty")} ${t("requests.new.counterpartyNumber", { n: index + 1 })}`}
                >
                  {t("requests.new.removeCounterparty")}
                </button>
              ) : null}
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id={`cp-${index}-name`} label={t("requests.new.counterpartyName")} error={errors[`counterparties.${index}.name`]}>
                {(aria) => <TextInput {...aria} value={row.name} onChange={(e) => change(index, "name", e.target.value)} />}
              </Field>
              <Field id={`cp-${index}-code`} label={t("requests.new.counterpartyCreditCode")} error={errors[`counterparties.${index}.creditCode`]}>
                {(aria) => (
                  <TextInput
                    {...aria}
                    value={row.creditCode}
                    onChange={(e) => change(index, "creditCode", e.target.value)}
                    autoCapitalize="characters"
                    spellCheck={false}
                  />
                )}
              </Field>
            </div>
          </li>
        ))}
      </ol>
      <Button type="button" variant="secondary" onClick={() => update({ counterparties: [...rows, { name: "", creditCode: "" }] })}>
        + {t("requests.new.addCounterparty")}
      </Button>
    </fieldset>
  );
}

export function DetailsStep(props: StepProps) {
  const { t } = useT();
  const { draft, update, errors } = props;
  const parsed = draft.amountYuan.trim() ? parseYuan(draft.amountYuan) : null;
  return (
    <div className="space-y-5">
      <Field id="title" label={t("requests.new.titleField")} hint={t("requests.new.titleHint")} error={errors.title}>
        {(aria) => <TextInput {...aria} value={draft.title} onChange={(e) => update({ title: e.target.value })} maxLength={100} />}
      </Field>
      <Field id="description" label={t("requests.new.description")} hint={t("requests.new.descriptionHint")} error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
            rows={6}
            className={textareaClass}
          />
        )}
      </Field>
      <Field id="amount" label={t("requests.new.amount")} hint={t("requests.new.amountHint")} error={errors.amountYuan}>
        {(aria) => (
          <div className="flex flex-wrap items-center gap-3">
            <TextInput
              {...aria}
              inputMode="decimal"
              value={draft.amountYuan}
              onChange={(e) => update({ amountYuan: e.target.value })}
              className="max-w-xs"
            />
            {parsed?.ok ? <span className="text-sm text-slate-700 tabular-nums">= {formatFen(parsed.fen)}</span> : null}
          </div>
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("requests.new.urgency")}</legend>
        <div className="mt-1 flex gap-2">
          {urgencies.map((u) => (
            <label
              key={u}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-4 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="radio" name="urgency" value={u} checked={draft.urgency === u} onChange={() => update({ urgency: u })} />
              {t(`enums.urgency.${u}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t("requests.new.urgencyHint")}</p>
      </fieldset>
      <CounterpartyEditor {...props} />
    </div>
  );
}
DetailsStep.fields = ["title", "description", "amountYuan", "urgency", "counterparties"] as const satisfies StepFields;

export function ServiceStep({ draft, update, errors, options }: StepProps & { options: WizardOptions }) {
  const { t } = useT();
  const toggle = (code: string) =>
    update({ specialties: draft.specialties.includes(code) ? draft.specialties.filter((c) => c !== code) : [...draft.specialties, code] });
  return (
    <div className="space-y-5">
      <Field id="region" label={t("requests.new.region")} hint={t("requests.new.regionHint")} error={errors.regionCode}>
        {(aria) => (
          <select {...aria} value={draft.regionCode} onChange={(e) => update({ regionCode: e.target.value })} className={inputClass}>
            <option value="">{t("requests.new.regionPlaceholder")}</option>
            <ZoneRegionOptions groups={options.regionGroups} />
          </select>
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("requests.new.specialties")}</legend>
        <p className="text-xs text-slate-500">{t("requests.new.specialtiesHint")}</p>
        {errors.specialties ? <p className="text-sm text-red-700">{errors.specialties}</p> : null}
        <div className="mt-2 flex flex-wrap gap-2">
          {options.specialties.map((s) => (
            <label
              key={s.code}
              className="flex cursor-pointer items-center gap-2 rounded-full border border-slate-300 px-3 py-1.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="checkbox" checked={draft.specialties.includes(s.code)} onChange={() => toggle(s.code)} />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="language" label={t("requests.new.language")} error={errors.language}>
          {(aria) => (
            <select {...aria} value={draft.language} onChange={(e) => update({ language: e.target.value })} className={inputClass}>
              <option value="">{t("requests.new.noPreference")}</option>
              {languageCodes.map((code) => (
                <option key={code} value={code}>
                  {t(`enums.language.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="serviceMode" label={t("requests.new.serviceMode")} error={errors.serviceMode}>
          {(aria) => (
            <select
              {...aria}
              value={draft.serviceMode}
              onChange={(e) => update({ serviceMode: e.target.value as RequestDraft["serviceMode"] })}
              className={inputClass}
            >
              <option value="">{t("requests.new.noPreference")}</option>
              {serviceModes.map((m) => (
                <option key={m} value={m}>
                  {t(`enums.serviceMode.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {options.preferredExpert && draft.preferredExpertId === options.preferredExpert.id ? (
        <div className="rounded-md border border-brand-200 bg-brand-50 p-3 text-sm">
          <p className="font-medium text-slate-900">{t("requests.new.preferredExpertNamed", { name: options.preferredExpert.name })}</p>
          <p className="text-slate-600">{t("requests.new.preferredExpertHint")}</p>
          <button type="button" className="mt-1 text-brand-700 underline" onClick={() => update({ preferredExpertId: "" })}>
            {t("requests.new.removePreferredExpert")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
ServiceStep.fields = ["regionCode", "specialties", "language", "serviceMode", "preferredExpertId"] as const satisfies StepFields;
