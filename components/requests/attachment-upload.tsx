"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { postFile } from "@/components/ui/post-file";
import { useT } from "@/lib/i18n/client";

/** Where the page sends a case's file: the API route, which checks the type by content and the size. */
export const uploadAttachment = (requestId: string, file: File) => postFile(`/api/v1/requests/${requestId}/attachments`, file);

/** Adds a file to a case, then refreshes the list. */
export function AttachmentUpload({ requestId, accept }: { requestId: string; accept: string }) {
  const { t } = useT();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);

  async function onChange(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setPending(true);
    setMessage(null);
    const result = await uploadAttachment(requestId, file);
    setPending(false);
    if (input.current) input.current.value = "";
    setMessage(
      result.ok ? { text: t("requests.attachments.uploaded"), tone: "success" } : { text: `${file.name}: ${result.message}`, tone: "error" },
    );
    if (result.ok) router.refresh();
  }

  return (
    <div className="space-y-2">
      <FormAlert message={message?.text} tone={message?.tone} />
      <input
        ref={input}
        id={`upload-${requestId}`}
        type="file"
        accept={accept}
        className="peer sr-only"
        onChange={(event) => void onChange(event.target.files)}
        disabled={pending}
      />
      {/* A label styled as a button opens the native file chooser, with the keyboard and on phones. */}
      <label
        htmlFor={`upload-${requestId}`}
        className={buttonClass(
          "secondary",
          `w-full cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 sm:w-auto ${pending ? "pointer-events-none opacity-60" : ""}`,
        )}
      >
        {pending ? t("requests.attachments.uploading") : t("requests.attachments.upload")}
      </label>
      <p className="text-xs text-slate-500">{t("requests.attachments.hint")}</p>
    </div>
  );
}
