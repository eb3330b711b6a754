import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("privacy.notice.title"), description: t("privacy.notice.metaDescription"), alternates: { canonical: "/privacy" } };
}

/** Every kind of personal information the system keeps (db/schema), each with the same four answers. */
const sections = ["accounts", "companies", "experts", "requests", "activity", "sessions", "mail", "browser"] as const;
const questions = ["what", "why", "who", "howLong"] as const;

/** The privacy notice (个人信息保护告知书): public, the page the consent boxes and the footer link to. */
export default async function PrivacyPage() {
  const { t, locale } = await getT();
  const closing = [
    { id: "sharing", title: t("privacy.notice.sharingTitle"), body: t("privacy.notice.sharing") },
    { id: "rights", title: t("privacy.notice.rightsTitle"), body: t("privacy.notice.rights") },
    { id: "contact", title: t("privacy.notice.contactTitle"), body: t("privacy.notice.contact") },
    { id: "changes", title: t("privacy.notice.changesTitle"), body: t("privacy.notice.changes") },
  ];
  return (
    <article className="mx-auto max-w-3xl space-y-6" data-notice-version={PRIVACY_NOTICE_VERSION}>
      <PageTitle subtitle={t("privacy.notice.version", { version: PRIVACY_NOTICE_VERSION, date: formatDate(PRIVACY_NOTICE_VERSION, locale) })}>
        {t("privacy.notice.title")}
      </PageTitle>
      <p className="leading-relaxed text-slate-800">{t("privacy.notice.intro")}</p>
      {sections.map((section) => (
        <Card key={section} id={section} title={t(`privacy.notice.sections.${section}.title`)}>
          <dl className="divide-y divide-slate-100">
            {questions.map((question) => (
              <div key={question} className="py-2 sm:grid sm:grid-cols-[7rem_1fr] sm:gap-4">
                <dt className="text-sm font-medium text-slate-600">{t(`privacy.notice.columns.${question}`)}</dt>
                <dd className="mt-1 leading-relaxed text-slate-900 sm:mt-0">{t(`privacy.notice.sections.${section}.${question}`)}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ))}
      {closing.map(({ id, title, body }) => (
        <section key={id} id={id}>
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          <p className="mt-2 leading-relaxed text-slate-800">{body}</p>
        </section>
      ))}
    </article>
  );
}
