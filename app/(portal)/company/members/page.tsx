import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { listMembers, ownCompany } from "@/lib/companies/queries";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { InviteForm } from "./invite-form";
import { RemoveMemberButton } from "./remove-member-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("companies.members.title") };
}

/** A company's colleagues: who they are, invite another, remove one who left; and where its verification stands. */
async function MembersPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "enterprise.members") || !actor.enterpriseId) notFound();
  const [company, { items }] = await Promise.all([ownCompany(actor), listMembers(actor, actor.enterpriseId)]);
  const code = company.creditCode ?? company.claimedCreditCode ?? "";
  const lastOne = items.length <= 1;
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("companies.members.intro")}>{`${t("companies.members.title")} · ${company.name}`}</PageTitle>
      {company.verification === "pending" ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {t("companies.members.pending", { company: company.name, code })}
        </p>
      ) : null}
      {company.verification === "refused" ? (
        <div role="status" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p>{t("companies.members.refused", { code })}</p>
          {company.verificationReason ? <p>{t("companies.members.refusedReason", { reason: company.verificationReason })}</p> : null}
        </div>
      ) : null}
      <Card title={t("companies.members.list")}>
        {items.length === 0 ? (
          <EmptyState>{t("companies.members.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((member) => {
              const isSelf = member.userId === actor.userId;
              return (
                <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {member.name}
                      {isSelf ? <span className="ml-1 text-slate-500">{t("companies.members.you")}</span> : null}
                    </p>
                    <p className="break-all text-slate-600">{member.email}</p>
                  </div>
                  <div className="flex items-center gap-3">
                    <Badge tone={member.status === "active" ? "success" : "warning"}>{t(`companies.members.status.${member.status}`)}</Badge>
                    {lastOne ? null : <RemoveMemberButton userId={member.userId} name={member.name} isSelf={isSelf} />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title={t("companies.members.invite")}>
        <p className="mb-4 text-sm text-slate-600">{t("companies.members.inviteIntro")}</p>
        <InviteForm />
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "companies"], MembersPage);
