import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { formatDateTime } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { listTokens } from "@/lib/tokens/queries";
import { IssueTokenForm } from "./issue-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("tokens.title") };
}

async function TokensPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "token.manage")) notFound();
  const tokens = await listTokens(actor);
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("tokens.intro")}>{t("tokens.title")}</PageTitle>
      <Card title={t("tokens.issue")}>
        <IssueTokenForm />
      </Card>
      <Card title={t("tokens.list")}>
        {tokens.length === 0 ? (
          <EmptyState>{t("tokens.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tokens.map((token) => {
              const { status } = token;
              return (
                <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <div className="min-w-0 space-y-1">
                    <p className="font-medium">
                      {token.name} <code className="ml-2 rounded bg-slate-100 px-1 text-xs">{token.prefix}…</code>
                    </p>
                    <p className="text-slate-600">
                      {t("tokens.columns.account")}: {token.userEmail} · {t("tokens.columns.scopes")}:{" "}
                      {token.scopes.length ? token.scopes.join(", ") : t("tokens.allScopes")}
                    </p>
                    <p className="text-slate-500">
                      {t("tokens.columns.created")}: {formatDateTime(token.createdAt, locale)} · {t("tokens.columns.lastUsed")}:{" "}
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("tokens.never")}
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <Badge tone={status === "active" ? "success" : "neutral"}>{t(`tokens.${status}`)}</Badge>
                    {status === "active" ? <RevokeTokenButton id={token.id} name={token.name} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "tokens"], TokensPage);
