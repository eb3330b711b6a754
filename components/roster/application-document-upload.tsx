"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { postFile } from "@/components/ui/post-file";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";

const failuresKey = (applicationId: string) => `application-upload-failures:${applicationId}`;

/** Sends one file of licence evidence to the applicant's application (the API checks it by content). */
export const uploadApplicationDocument = (applicationId: string, file: File) =>
  postFile(`/api/v1/expert-applications/${applicationId}/documents`, file);

/** Remembers, for the status page the application form goes to next, the files that did not upload. */
export function rememberDocumentFailures(applicationId: string, failures: string[]): void {
  try {
    if (failures.length) sessionStorage.setItem(failuresKey(applicationId), JSON.stringify(failures));
  } catch {
    // no storage: the list on the status page still shows what did upload
  }
}

/** The applicant adds a file to their pending application; files that failed right after applying are named once. */
export function ApplicationDocumentUpload({ applicationId, accept }: { applicationId: string; accept: string }) {
  const { t } = useT();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);

  useEffect(() => {
    try {
      const stored = sessionStorage.getItem(failuresKey(applicationId));
      if (!stored) return;
      sessionStorage.removeItem(failuresKey(applicationId));
      const parsed: unknown = JSON.parse(stored);
      const names = Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === "string").slice(0, 20) : [];
      // eslint-disable-next-line react-hooks/set-state-in-effect -- read once from the browser's storage after hydration
      if (names.length) setMessage({ text: t("roster.apply.uploadFailed", { names: names.join("、") }), tone: "error" });
    } catch {
      // nothing to show
    }
  }, [applicationId, t]);

  async function onChange(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setPending(true);
    setMessage(null);
    const result = await uploadApplicationDocument(applicationId, file);
    setPending(false);
    if (input.current) input.current.value = "";
    setMessage(result.ok ? { text: t("roster.documents.uploaded"), tone: "success" } : { text: `${file.name}: ${result.message}`, tone: "error" });
    if (result.ok) router.refresh();
  }

  const id = `evidence-${applicationId}`;
  return (
    <div className="space-y-2">
      <FormAlert message={message?.text} tone={message?.tone} />
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        className="peer sr-only"
        onChange={(event) => void onChange(event.target.files)}
        disabled={pending}
      />
      <label
        htmlFor={id}
        className={buttonClass(
          "secondary",
          `w-full cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 sm:w-auto ${pending ? "pointer-events-none opacity-60" : ""}`,
        )}
      >
        {pending ? t("roster.documents.uploading") : t("roster.documents.upload")}
      </label>
      <p className="text-xs text-slate-500">{t("roster.documents.hint")}</p>
    </div>
  );
}
