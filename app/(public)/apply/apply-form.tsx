"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { PrivacyConsent } from "@/components/privacy/privacy-consent";
import { FilePicker } from "@/components/ui/file-picker";
import { rememberDocumentFailures, uploadApplicationDocument } from "@/components/roster/application-document-upload";
import { ExpertServiceFields } from "@/components/roster/expert-service-fields";
import { fieldError } from "@/components/roster/field-errors";
import { RegionPicker } from "@/components/roster/region-picker";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { clearStoredDraft, loadStoredDraft, saveStoredDraft } from "@/components/ui/local-draft";
import { useInBrowser } from "@/components/ui/use-in-browser";
import { useServerAction } from "@/components/ui/use-server-action";
import { FormSection } from "@/components/ui/form-section";
import type { ServiceMode } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import type { RegionOption } from "@/lib/regions/options";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { applyAction } from "./actions";

/** One draft per browser: the applicant has no account yet. */
const DRAFT_KEY = "expert-application-draft";
/** Never kept: the password (a secret) and the consent (given at each submission). Files cannot be. */
const NOT_KEPT = new Set(["password", "privacyConsent"]);

/** The form as typed: each field's text, each list (`name[]`) its values. */
type ApplicationDraft = Record<string, string | string[]>;

function draftOf(form: HTMLFormElement): ApplicationDraft {
  const draft: ApplicationDraft = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string" || NOT_KEPT.has(name)) continue;
    if (name.endsWith("[]")) {
      const list = draft[name.slice(0, -2)];
      draft[name.slice(0, -2)] = [...(Array.isArray(list) ? list : []), value];
    } else draft[name] = value;
  }
  return draft;
}

/** A stored draft of this form, if there is a usable one (anything else stored under the key is ignored). */
function loadApplicationDraft(): ApplicationDraft | null {
  const stored = loadStoredDraft(DRAFT_KEY);
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return null;
  const draft: ApplicationDraft = {};
  for (const [name, value] of Object.entries(stored)) {
    if (NOT_KEPT.has(name)) continue;
    if (typeof value === "string") draft[name] = value;
    else if (Array.isArray(value)) draft[name] = value.filter((v): v is string => typeof v === "string");
  }
  return draft;
}

type Props = {
  specialties: { code: string; name: string }[];
  regions: RegionOption[];
  /** Passed in: the enum list lives beside the database schema, which stays out of the browser bundle. */
  serviceModes: readonly ServiceMode[];
  /** The licence evidence file picker's hint (the server judges the content). */
  accept: string;
};

/**
 * The application to join the roster: a draft kept in this browser as it is typed (not the password,
 * not the files), consent to the privacy notice, and the chosen licence evidence uploaded to the
 * new application once it is in.
 */
export function ApplyForm(props: Props) {
  const { t } = useT();
  // The draft lives in this browser: render the form only once we are in it.
  if (!useInBrowser()) return <p className="text-sm text-slate-600">{t("common.actions.loading")}</p>;
  return <ApplyFormBody {...props} />;
}

function ApplyFormBody({ specialties, regions, serviceModes, accept }: Props) {
  const { t } = useT();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  const [draft, setDraft] = useState<ApplicationDraft | null>(() => loadApplicationDraft());
  const [showRestored, setShowRestored] = useState(() => draft !== null);
  const [discarding, setDiscarding] = useState(false);
  // A new key remounts the fields, so a discarded draft's values go with them.
  const [generation, setGeneration] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);

  const keep = () => {
    if (!submitted.current && form.current) saveStoredDraft(DRAFT_KEY, draftOf(form.current));
  };
  // Typing and ticking save at once; a region chosen with a button lands in the form after React
  // renders it, hence the next tick. Leaving the page saves once more.
  const keepSoon = () => window.setTimeout(keep, 0);
  useEffect(() => {
    const onLeave = () => {
      if (!submitted.current && form.current) saveStoredDraft(DRAFT_KEY, draftOf(form.current));
    };
    window.addEventListener("pagehide", onLeave);
    return () => window.removeEventListener("pagehide", onLeave);
  }, []);

  const { fields, message, pending, submitWith } = useServerAction((data: FormData) => applyAction(data), {
    successMessage: () => t("roster.apply.done"),
    leavesPage: true,
    onSuccess: async ({ id }, data) => {
      submitted.current = true;
      clearStoredDraft(DRAFT_KEY);
      await signIn("credentials", { email: String(data.get("email")), password: String(data.get("password")), redirect: false });
      const failed: string[] = [];
      for (const [index, file] of files.entries()) {
        setUploading(t("roster.apply.uploading", { done: index, total: files.length }));
        const upload = await uploadApplicationDocument(id, file);
        if (!upload.ok) failed.push(`${file.name}（${upload.message}）`);
      }
      // Applied whatever the files did: the status page names the ones to upload again.
      rememberDocumentFailures(id, failed);
      // A fresh render, so the header shows the applicant signed in.
      router.push("/apply/status");
      router.refresh();
    },
  });

  const text = (name: string) => {
    const value = draft?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: string, fallback: string[] = []) => {
    const value = draft?.[name];
    return Array.isArray(value) ? value : draft ? [] : fallback;
  };
  const error = (name: string) => fieldError(fields, name);
  const input = (name: string, label: string, props: React.ComponentProps<"input"> = {}, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={error(name)}>
      {(aria) => <TextInput {...aria} name={name} defaultValue={name === "password" ? undefined : text(name)} {...props} />}
    </Field>
  );
  const textarea = (name: string, label: string, hint?: string, rows = 3) => (
    <Field id={name} label={label} hint={hint} error={error(name)}>
      {(aria) => <textarea {...aria} name={name} rows={rows} className={inputClass} maxLength={2000} defaultValue={text(name)} />}
    </Field>
  );
  const section = (title: string, children: React.ReactNode) => <FormSection title={title}>{children}</FormSection>;

  return (
    <form
      ref={form}
      key={generation}
      onSubmit={submitWith((data) => data)}
      onInput={keep}
      onChange={keep}
      onClick={keepSoon}
      className="space-y-6"
      noValidate
    >
      {showRestored ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-slate-800">
          <span>{t("roster.apply.draftRestored")}</span>
          <button type="button" className="text-brand-700 underline" onClick={() => setDiscarding(true)}>
            {t("roster.apply.discardDraft")}
          </button>
          <ConfirmDialog
            question={discarding ? t("roster.apply.discardConfirm") : null}
            pending={false}
            variant="danger"
            onCancel={() => setDiscarding(false)}
            onConfirm={() => {
              setDiscarding(false);
              clearStoredDraft(DRAFT_KEY);
              setDraft(null);
              setFiles([]);
              setShowRestored(false);
              setGeneration((g) => g + 1);
            }}
          />
        </div>
      ) : null}
      <p className="text-sm text-slate-600">{t("roster.apply.draftNote")}</p>
      <FormAlert message={message?.text} tone={message?.tone} />
      {section(
        t("roster.apply.account"),
        <div className="grid gap-4 sm:grid-cols-2">
          {input("name", t("roster.fields.name"), { autoComplete: "name", required: true, maxLength: 50 })}
          {input("phone", t("roster.fields.phone"), { type: "tel", autoComplete: "tel", required: true })}
          {input("email", t("roster.fields.email"), { type: "email", autoComplete: "email", required: true }, t("roster.apply.emailHint"))}
          {input(
            "password",
            t("roster.fields.password"),
            { type: "password", autoComplete: "new-password", required: true },
            t("roster.apply.passwordHint"),
          )}
        </div>,
      )}
      {section(
        t("roster.apply.practice"),
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("title", t("roster.fields.title"), { required: true, maxLength: 50 }, t("roster.apply.titleHint"))}
            {input("organization", t("roster.fields.organization"), { autoComplete: "organization", required: true, maxLength: 100 })}
            {input(
              "licenseNumber",
              t("roster.fields.licenseNumber"),
              { required: true, spellCheck: false, autoCapitalize: "characters" },
              t("roster.apply.licenseHint"),
            )}
            {input("yearsOfPractice", t("roster.fields.yearsOfPractice"), { type: "number", inputMode: "numeric", min: 0, max: 80, required: true })}
          </div>
          <RegionPicker
            name="homeRegionCode"
            label={t("roster.fields.homeRegion")}
            regions={regions}
            quickPicks={ZONE_COUNTIES}
            defaultValues={text("homeRegionCode") ? [text("homeRegionCode")!] : []}
            single
            error={error("homeRegionCode")}
          />
        </>,
      )}
      {section(
        t("roster.apply.service"),
        <ExpertServiceFields
          specialties={specialties}
          regions={regions}
          serviceModes={serviceModes}
          defaults={{
            specialties: list("specialties"),
            regions: list("regions"),
            languages: list("languages", ["zh"]),
            serviceModes: list("serviceModes"),
          }}
          error={error}
        />,
      )}
      {section(
        t("roster.apply.vetting"),
        <>
          {textarea("bio", t("roster.fields.bio"), t("roster.apply.bioHint"), 4)}
          {textarea("references", t("roster.fields.references"), t("roster.apply.referencesHint"))}
          {textarea("statement", t("roster.fields.statement"), t("roster.apply.statementHint"), 4)}
        </>,
      )}
      {section(
        t("roster.apply.evidence"),
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t("roster.apply.evidenceHint")}</p>
          <FilePicker
            id="evidence"
            accept={accept}
            files={files}
            setFiles={setFiles}
            labels={{
              choose: t("roster.apply.chooseFiles"),
              remove: t("roster.apply.removeFile"),
              tooLarge: (name) => t("roster.apply.fileTooLarge", { name }),
            }}
            testId="chosen-evidence"
          />
        </div>,
      )}
      <p className="text-sm text-slate-600">{t("roster.apply.privacy")}</p>
      <PrivacyConsent purpose="apply" error={error("privacyConsent")} />
      <Button type="submit" disabled={pending || uploading !== null} className="w-full sm:w-auto">
        {uploading ?? (pending ? t("roster.apply.submitting") : t("roster.apply.submit"))}
      </Button>
    </form>
  );
}
