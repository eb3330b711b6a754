import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmAction } from "@/components/routing/confirm-action";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can, coversRegion, type Actor } from "@/lib/authz";
import { verificationDistrict } from "@/lib/companies/decide-verification";
import { AppError } from "@/lib/errors";
import { enterpriseForAdmin, type EnterpriseForAdmin } from "@/lib/companies/queries";
import { formatCount, formatDate, formatDateTime } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { referenceNames } from "@/lib/roster/reference-names";
import { decideVerificationAction } from "../actions";
import { StateBadge } from "../state-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("companies.admin.title") };
}

async function loadCompany(actor: Actor, id: string) {
  try {
    return await enterpriseForAdmin(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function Owner({ owner, t }: { owner: EnterpriseForAdmin["owner"]; t: Translate }) {
  if (!owner) return null;
  switch (owner.kind) {
    case "self":
      return <p>{t("companies.admin.owner.self")}</p>;
    case "nobody":
      return <p>{t("companies.admin.owner.nobody")}</p>;
    case "stations":
      return <p>{t("companies.admin.owner.stations", { count: owner.requests })}</p>;
    case "company":
      return (
        <p>
          <Link href={`/admin/enterprises/${owner.id}`} className="text-brand-700 hover:underline">
            {t("companies.admin.owner.company", { name: owner.name })}
          </Link>
        </p>
      );
  }
}

/** One company for the law society: who holds its credit code, its verification (decided here), its members and requests. */
async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getT(), params]);
  if (!can(actor.role, "enterprise.readAny")) notFound();
  const company = await loadCompany(actor, id);
  const code = company.creditCode ?? company.claimedCreditCode;
  const district = company.claimedCreditCode ? verificationDistrict(company.claimedCreditCode) : null;
  const mayDecide = can(actor.role, "enterprise.verify") && district !== null && coversRegion(actor, district);
  const districtName = district ? (await referenceNames(locale)).regionName(district) : "";
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/enterprises" className="text-sm text-brand-700 hover:underline">
          {t("companies.admin.back")}
        </Link>
      </p>
      <PageTitle>
        {company.name} <StateBadge state={company.state} t={t} />
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("companies.admin.details")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{company.creditCode ? t("companies.admin.creditCode") : t("companies.admin.claimedCode")}</dt>
            <dd className="font-mono">{code ?? "—"}</dd>
            <dt className="text-slate-600">{t("companies.admin.contact")}</dt>
            <dd>{company.contactName}</dd>
            <dt className="text-slate-600">{t("companies.admin.phone")}</dt>
            <dd>{company.contactPhone ?? "—"}</dd>
            <dt className="text-slate-600">{t("companies.admin.requests")}</dt>
            <dd className="tabular-nums">{formatCount(company.requests, locale)}</dd>
            <dt className="text-slate-600">{t("companies.admin.registered")}</dt>
            <dd>{formatDateTime(company.createdAt, locale)}</dd>
          </dl>
        </Card>
        <Card title={t("companies.admin.owner.title")}>
          <div className="space-y-2 text-sm text-slate-700">
            <Owner owner={company.owner} t={t} />
          </div>
        </Card>
      </div>
      {company.verification ? (
        <Card title={t("companies.admin.decision.title")}>
          <div className="space-y-3 text-sm">
            {company.verification !== "pending" && company.verificationDecidedAt ? (
              <>
                <p className="text-slate-700">
                  {t("companies.admin.decision.decidedBy", {
                    name: company.decidedByName ?? "—",
                    date: formatDate(company.verificationDecidedAt, locale),
                  })}
                </p>
                {company.verificationReason ? (
                  <p className="text-slate-700">{t("companies.admin.decision.reason", { reason: company.verificationReason })}</p>
                ) : null}
              </>
            ) : null}
            {company.verification === "pending" && mayDecide ? (
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
                <ConfirmAction
                  action={decideVerificationAction}
                  input={{ enterpriseId: company.id, approve: "true" }}
                  label={t("companies.admin.decision.approve")}
                  variant="primary"
                  title={t("companies.admin.decision.approveTitle")}
                  hint={t("companies.admin.decision.approveHint")}
                />
                <ConfirmAction
                  action={decideVerificationAction}
                  input={{ enterpriseId: company.id, approve: "false" }}
                  label={t("companies.admin.decision.refuse")}
                  variant="danger"
                  title={t("companies.admin.decision.refuseTitle")}
                  hint={t("companies.admin.decision.refuseHint")}
                />
              </div>
            ) : null}
            {company.verification === "pending" && !mayDecide ? (
              <p className="text-slate-600">{t("companies.admin.decision.notYourDistrict", { district: districtName })}</p>
            ) : null}
          </div>
        </Card>
      ) : null}
      <Card title={t("companies.admin.members")}>
        <ul className="divide-y divide-slate-100">
          {company.members.map((member) => {
            const status = member.disabledAt ? "disabled" : member.status;
            return (
              <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{member.name}</span> <span className="break-all text-slate-600">{member.email}</span>
                </span>
                <Badge tone={status === "active" ? "success" : status === "invited" ? "warning" : "neutral"}>
                  {t(`companies.admin.memberStatus.${status}`)}
                </Badge>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "routing"], EnterprisePage);
