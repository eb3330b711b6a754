import { formatBytes } from "@/components/ui/format-bytes";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { AttachmentListItem } from "@/lib/requests/queries";

export { formatBytes };

/** The files of a case with who added them and when; each downloads under its original name. */
export function AttachmentList({ files, t, locale }: { files: AttachmentListItem[]; t: Translate; locale: Locale }) {
  if (!files.length) return <p className="text-sm text-slate-600">{t("requests.attachments.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <a
              href={`/api/v1/attachments/${f.id}`}
              className="font-medium break-all text-brand-700 hover:underline"
              aria-label={t("requests.attachments.download", { name: f.filename })}
            >
              {f.filename}
            </a>
            <p className="text-xs text-slate-500">
              {formatBytes(f.sizeBytes)} ·{" "}
              {t("requests.attachments.by", {
                name: f.uploadedByName,
                role: t(`common.roles.${f.uploadedByRole}`),
                time: formatDateTime(f.createdAt, locale),
              })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
