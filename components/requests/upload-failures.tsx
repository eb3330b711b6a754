"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";

const key = (requestId: string) => `request-upload-failures:${requestId}`;

/** Remembers, for the request page the wizard goes to next, the files that did not upload after filing. */
export function rememberUploadFailures(requestId: string, failures: string[]): void {
  try {
    if (failures.length) sessionStorage.setItem(key(requestId), JSON.stringify(failures));
  } catch {
    // no storage (private mode): the page then says nothing of the files
  }
}

/**
 * On the new request's page: which files did not upload when it was filed, with a link to the
 * upload control to retry there. Shown once (read from this tab's session storage, then forgotten).
 */
export function UploadFailures({ requestId }: { requestId: string }) {
  const { t } = useT();
  const [failures, setFailures] = useState<string[]>([]);
  useEffect(() => {
    try {
      const stored = sessionStorage.getItem(key(requestId));
      if (!stored) return;
      sessionStorage.removeItem(key(requestId));
      const parsed: unknown = JSON.parse(stored);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- read once from the browser's storage after hydration
      if (Array.isArray(parsed)) setFailures(parsed.filter((f): f is string => typeof f === "string").slice(0, 20));
    } catch {
      // nothing to show
    }
  }, [requestId]);
  if (!failures.length) return null;
  return (
    <div role="alert" data-testid="upload-failures" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>{t("requests.new.uploadFailed", { n: failures.length, names: failures.join("、") })}</p>
      <a href="#attachments" className="mt-1 inline-block font-medium text-brand-700 underline">
        {t("requests.new.retryUpload")}
      </a>
    </div>
  );
}
