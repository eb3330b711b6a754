"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { Permission } from "@/lib/authz";
import { useT } from "@/lib/i18n/client";
import { issueTokenAction } from "./actions";

/** An account a token may act as ("" = the issuer), with the permissions it may be limited to. */
export interface HolderOption {
  userId: string;
  label: string;
  scopes: Permission[];
}

export function IssueTokenForm({ holders }: { holders: HolderOption[] }) {
  const { t } = useT();
  const [holderId, setHolderId] = useState("");
  const holder = holders.find((h) => h.userId === holderId) ?? holders[0];
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { submitWith, pending, fields, message, generation } = useServerAction(issueTokenAction, {
    onSuccess: (data) => {
      setSecret(data.token);
      setCopied(false);
    },
  });

  return (
    <form
      key={generation}
      onSubmit={submitWith((form) => {
        setSecret(null);
        return form;
      })}
      className="space-y-4"
      noValidate
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      {secret ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>{t("tokens.issued")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="token-secret" className="rounded bg-white px-2 py-1 break-all">
              {secret}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(secret);
                setCopied(true);
              }}
            >
              {copied ? t("tokens.copied") : t("tokens.copy")}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="name" label={t("tokens.name")} hint={t("tokens.nameHint")} error={fields.name}>
          {(aria) => <TextInput {...aria} name="name" required />}
        </Field>
        <Field id="userId" label={t("tokens.holder")} hint={t("tokens.holderHint")} error={fields.userId ?? fields.userEmail}>
          {(aria) => (
            <select {...aria} name="userId" value={holderId} onChange={(event) => setHolderId(event.target.value)} className={`${inputClass} pr-8`}>
              {holders.map((option) => (
                <option key={option.userId} value={option.userId}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="expiresInDays" label={t("tokens.expiresInDays")} hint={t("tokens.expiresInDaysHint")} error={fields.expiresInDays}>
          {(aria) => <TextInput {...aria} name="expiresInDays" type="number" min={1} max={3650} inputMode="numeric" />}
        </Field>
      </div>
      <fieldset key={holder?.userId} aria-describedby={fields.scopes ? "scopes-error" : "scopes-hint"}>
        <legend className="text-sm font-medium text-slate-800">{t("tokens.scopes")}</legend>
        <p id="scopes-hint" className="text-xs text-slate-500">
          {t("tokens.scopesHint")}
        </p>
        <div className="mt-2 grid gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {holder?.scopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes[]" value={scope} aria-describedby={`scope-${scope}-hint`} className="mt-0.5 h-4 w-4 shrink-0" />
              <span>
                <span className="font-medium text-slate-800">{t(`tokens.scopeLabels.${scope}`)}</span>
                <span id={`scope-${scope}-hint`} className="block text-xs text-slate-500">
                  {t(`tokens.scopeHints.${scope}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
        {fields.scopes ? (
          <p id="scopes-error" className="mt-1 text-sm text-red-700">
            {fields.scopes}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("tokens.issuing") : t("tokens.issue")}
      </Button>
    </form>
  );
}
