import { formatBytes } from "@/components/ui/format-bytes";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

export interface ApplicationDocumentItem {
  id: string;
  filename: string;
  sizeBytes: number;
  createdAt: Date | string;
}

/**
 * The licence evidence of an application, each file to open in the browser or to download. The
 * links go to the API, which lets only the applicant and the admins who vet the application in.
 */
export function ApplicationDocumentList({
  applicationId,
  documents,
  t,
  locale,
}: {
  applicationId: string;
  documents: ApplicationDocumentItem[];
  t: Translate;
  locale: Locale;
}) {
  if (!documents.length) return <p className="text-sm text-slate-600">{t("roster.documents.none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="application-documents">
      {documents.map((document) => {
        const href = `/api/v1/expert-applications/${applicationId}/documents/${document.id}`;
        return (
          <li key={document.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            <span className="min-w-0 break-all">
              <span className="font-medium text-slate-900">{document.filename}</span>
              <span className="block text-xs text-slate-500">
                {t("roster.documents.uploadedAt", { size: formatBytes(document.sizeBytes), date: formatDateTime(document.createdAt, locale) })}
              </span>
            </span>
            <span className="flex shrink-0 gap-3">
              <a href={`${href}?inline=1`} target="_blank" rel="noopener" className="text-brand-700 underline">
                {t("roster.documents.open")}
                <span className="sr-only">: {document.filename}</span>
              </a>
              <a href={href} download className="text-brand-700 underline">
                {t("roster.documents.download")}
                <span className="sr-only">: {document.filename}</span>
              </a>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
