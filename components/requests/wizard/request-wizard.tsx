"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { uploadAttachment } from "@/components/requests/attachment-upload";
import { rememberUploadFailures } from "@/components/requests/upload-failures";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { useInBrowser } from "@/components/ui/use-in-browser";
import { useServerAction } from "@/components/ui/use-server-action";
import { issueMessageKey } from "@/lib/http/form-input";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";
import type { amendRequestFormSchema } from "@/lib/requests/schemas";
import { clearDraft, draftPayload, emptyDraft, filingInput, loadDraft, saveDraft, type FilingInput, type RequestDraft } from "./draft";
import { FilesStep, ReviewStep } from "./review-steps";
import { stepOf, type StepName } from "./step-registry";
import { CategoryStep, DetailsStep, ServiceStep, WalkInStep, type WizardOptions } from "./steps";

type Filed = Promise<ActionResult<{ id: string }>>;

/** The filing schema, loaded apart from the page (zod is about 30 KB gzip); the wizard starts loading it once shown. */
const filingSchema = () => import("@/lib/requests/schemas").then((m) => m.fileRequestFormSchema);

/** Filing sends the draft; amending sends it with the request it amends and the filer's note. */
type Submission =
  | { mode: "new"; action: (input: FilingInput) => Filed }
  | { mode: "amend"; requestId: string; action: (input: z.input<typeof amendRequestFormSchema>) => Filed };

type Props = Submission & {
  /** Whom the filer files for: a station's walk-in, an admin's hotline caller; null for the filer's own company. */
  caller: "walkIn" | "hotline" | null;
  options: WizardOptions;
  /** localStorage key of the draft (per account), or null when amending. */
  draftKey: string | null;
  initial?: RequestDraft;
  accept: string;
};

/**
 * The guided filing form: one question at a time, a draft that survives a reload, validation
 * with the same schema the server uses, an idempotency key so a double submit files once, then
 * the chosen files uploaded to the new request.
 */
export function RequestWizard(props: Props) {
  const { t } = useT();
  // The draft lives in this browser: render the form only once we are in it.
  const inBrowser = useInBrowser();
  if (!inBrowser) return <p className="text-sm text-slate-600">{t("common.actions.loading")}</p>;
  return <WizardBody {...props} />;
}

function WizardBody(props: Props) {
  const { caller, options, draftKey, initial, accept } = props;
  const forCaller = caller !== null;
  const { t, has } = useT();
  const router = useRouter();
  const isAmend = props.mode === "amend";
  const steps: StepName[] = [
    ...(forCaller && !isAmend ? ["walkIn" as const] : []),
    "category",
    "details",
    "service",
    ...(isAmend ? [] : ["files" as const]),
    "review",
  ];
  const [restored] = useState(() => (draftKey ? loadDraft(draftKey) : null));
  const [draft, setDraft] = useState<RequestDraft>(() => restored?.draft ?? initial ?? emptyDraft(options.preferredExpert?.id));
  const [step, setStep] = useState(() => Math.min(restored?.step ?? 0, steps.length - 1));
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  const [discarding, setDiscarding] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  useEffect(() => {
    // Each step is checked before the next one: have the schema ready by the first click. If it cannot
    // load, the steps go on unchecked and the action checks the whole filing.
    filingSchema().catch(() => null);
  }, []);
  useEffect(() => {
    if (draftKey) saveDraft(draftKey, draft, step);
  }, [draftKey, draft, step]);
  useEffect(() => {
    // Each step change (not the first render) moves focus to the new heading, for screen readers and phones.
    if (shownStep.current !== step) heading.current?.focus();
    shownStep.current = step;
  }, [step]);

  const update = (change: Partial<RequestDraft>) => setDraft((d) => ({ ...d, ...change }));
  const payload = draftPayload(draft, forCaller, caller === "hotline" && !isAmend);
  // Blank counterparty rows are left out, so map the server's indices back to the rows on screen.
  const kept = draft.counterparties.flatMap((c, i) => (c.name.trim() || c.creditCode.trim() ? [i] : []));
  const onScreen = (field: string) => field.replace(/^counterparties\.(\d+)/, (_m, i: string) => `counterparties.${kept[Number(i)] ?? i}`);

  async function validate(upTo: number): Promise<Record<string, string>> {
    const schema = await filingSchema().catch(() => null);
    const result = schema?.safeParse(payload);
    if (!result || result.success) return {};
    const found: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = onScreen(issue.path.join("."));
      const at = stepOf(field, steps);
      if (at !== -1 && at <= upTo && !found[field]) found[field] = t(issueMessageKey(issue, has));
    }
    return found;
  }

  function go(to: number) {
    setStep(to);
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  async function next() {
    const found = await validate(step);
    setErrors(found);
    if (Object.keys(found).length) return setFormError(t("requests.new.fixErrors"));
    setFormError(null);
    go(step + 1);
  }

  function showErrors(found: Record<string, string>, message: string) {
    setErrors(found);
    setFormError(message);
    const first = Math.min(
      ...Object.keys(found)
        .map((f) => stepOf(f, steps))
        .filter((i) => i >= 0),
    );
    if (Number.isFinite(first)) go(first);
  }

  const send = (input: FilingInput) =>
    props.mode === "amend" ? props.action({ ...input, requestId: props.requestId, note: draft.note }) : props.action(input);
  const { run, pending } = useServerAction(send, {
    leavesPage: true,
    onFailure: ({ message, fields }) => showErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [onScreen(k), v])), message),
    onSuccess: async ({ id }) => {
      if (draftKey) clearDraft(draftKey);
      const failed: string[] = [];
      for (const [index, file] of files.entries()) {
        setUploading(t("requests.new.uploading", { done: index, total: files.length }));
        const upload = await uploadAttachment(id, file);
        if (!upload.ok) failed.push(`${file.name}（${upload.message}）`);
      }
      // Filed whatever the files did: the request's page says so, with its number, and which files to upload again.
      rememberUploadFailures(id, failed);
      router.push(isAmend ? `/requests/${id}` : `/requests/${id}?filed=1`);
      router.refresh();
    },
  });

  async function submit() {
    const found = await validate(steps.length);
    if (Object.keys(found).length) return showErrors(found, t("requests.new.fixErrors"));
    // The schema has passed, so every choice is made: this only narrows the draft's types to the action's.
    const input = filingInput(draft, forCaller, caller === "hotline" && !isAmend);
    if (!input) return;
    setFormError(null);
    void run(input);
  }

  const current = steps[step]!;
  const stepLabel = (name: StepName) => (name === "walkIn" && caller === "hotline" ? t("requests.new.hotlineStep") : t(`requests.new.steps.${name}`));
  const stepProps = { draft, update, errors };
  return (
    <div className="space-y-5">
      {showRestored ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-slate-800">
          <span>{t("requests.new.draftRestored")}</span>
          <button type="button" className="text-brand-700 underline" onClick={() => setDiscarding(true)}>
            {t("requests.new.discardDraft")}
          </button>
          <ConfirmDialog
            question={discarding ? t("requests.new.discardConfirm") : null}
            pending={false}
            variant="danger"
            onCancel={() => setDiscarding(false)}
            onConfirm={() => {
              setDiscarding(false);
              setDraft(emptyDraft(options.preferredExpert?.id));
              setFiles([]);
              setErrors({});
              setShowRestored(false);
              go(0);
            }}
          />
        </div>
      ) : null}
      <div>
        <p className="text-sm text-slate-600">{t("requests.new.stepOf", { step: step + 1, total: steps.length })}</p>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
          <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${((step + 1) / steps.length) * 100}%` }} />
        </div>
        <ol className="mt-3 hidden flex-wrap gap-2 text-sm sm:flex">
          {steps.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                disabled={index > step || pending}
                onClick={() => go(index)}
                aria-current={index === step ? "step" : undefined}
                className={`rounded-full px-3 py-1 ${index === step ? "bg-brand-700 text-white" : index < step ? "bg-brand-50 text-brand-800 hover:bg-brand-100" : "bg-slate-100 text-slate-500"}`}
              >
                {index + 1}. {stepLabel(name)}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
        {stepLabel(current)}
      </h2>
      <FormAlert message={formError} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (pending) return;
          void (current === "review" ? submit() : next());
        }}
        className="space-y-6"
      >
        {current === "walkIn" ? <WalkInStep {...stepProps} hotline={caller === "hotline"} /> : null}
        {current === "category" ? <CategoryStep {...stepProps} /> : null}
        {current === "details" ? <DetailsStep {...stepProps} /> : null}
        {current === "service" ? <ServiceStep {...stepProps} options={options} /> : null}
        {current === "files" ? <FilesStep files={files} setFiles={setFiles} accept={accept} /> : null}
        {current === "review" ? <ReviewStep {...stepProps} options={options} files={files} caller={caller} isAmend={isAmend} /> : null}
        <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-between">
          {step > 0 ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => go(step - 1)}>
              {t("requests.new.back")}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" disabled={pending}>
            {pending
              ? (uploading ?? t("requests.new.submitting"))
              : current === "review"
                ? isAmend
                  ? t("requests.actions.amendSubmit")
                  : t("requests.new.submit")
                : t("requests.new.next")}
          </Button>
        </div>
      </form>
    </div>
  );
}
