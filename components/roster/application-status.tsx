import { Badge, type BadgeTone } from "@/components/ui/card";
import type { ApplicationStatus } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OwnApplication } from "@/lib/roster/queries/applications";

const tone: Record<ApplicationStatus, BadgeTone> = { pending: "warning", approved: "success", rejected: "danger" };

export function ApplicationStatusBadge({ status, t }: { status: ApplicationStatus; t: Translate }) {
  return <Badge tone={tone[status]}>{t(`enums.applicationStatus.${status}`)}</Badge>;
}

/** Describes a requested change of vetted fields in words ("姓名：沈一 → 沈二"). */
export function describeChanges(changes: { name?: string; licenseNumber?: string } | null, t: Translate): string {
  if (!changes) return "";
  return [
    changes.name ? `${t("roster.fields.name")} → ${changes.name}` : null,
    changes.licenseNumber ? `${t("roster.fields.licenseNumber")} → ${changes.licenseNumber}` : null,
  ]
    .filter(Boolean)
    .join("；");
}

/** Where one of the applicant's own applications stands: checks done (not who did them), decision and reason. */
export function OwnApplicationCard({
  application,
  termEnd,
  t,
  locale,
}: {
  application: OwnApplication;
  termEnd: string | null;
  t: Translate;
  locale: Locale;
}) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="application-status">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t(`roster.kinds.${application.kind}`)}</h2>
        <ApplicationStatusBadge status={application.status} t={t} />
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("roster.status.submittedAt", { date: formatDateTime(application.submittedAt, locale) })}</p>
      {application.changes ? (
        <p className="mt-2 text-sm">{t("roster.status.changes", { changes: describeChanges(application.changes, t) })}</p>
      ) : null}
      {application.status === "pending" ? (
        <>
          <p className="mt-4">{t("roster.status.pending")}</p>
          <p className="mt-2 text-sm font-medium">
            {t("roster.status.progress", { done: application.done.length, total: application.needed.length })}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {application.needed.map((item) => {
              const done = application.done.includes(item);
              return (
                <li key={item} className={done ? "text-emerald-800" : "text-slate-500"}>
                  <span aria-hidden>{done ? "✓" : "○"}</span> {t(`roster.checks.${item}`)}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <div className="mt-4 space-y-1">
          <p className="font-medium">
            {application.status === "approved" ? t("roster.status.approved") : t("roster.status.rejected")}
            {application.status === "approved" && application.kind === "join" && termEnd
              ? ` ${t("roster.status.approvedTerm", { date: formatDate(termEnd, locale) })}`
              : ""}
          </p>
          {application.decisionReason ? (
            <p className="text-sm text-slate-700">{t("roster.status.reason", { reason: application.decisionReason })}</p>
          ) : null}
          {application.decidedAt ? (
            <p className="text-sm text-slate-500">{t("roster.status.decidedAt", { date: formatDateTime(application.decidedAt, locale) })}</p>
          ) : null}
        </div>
      )}
    </article>
  );
}
