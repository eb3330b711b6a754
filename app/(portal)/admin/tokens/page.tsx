import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { formatDateTime } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { AppError } from "@/lib/errors";
import { listTokenHolders, listTokens } from "@/lib/tokens/queries";
import { IssueTokenForm, type HolderOption } from "./issue-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("tokens.title") };
}

async function TokensPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "token.manage")) notFound();
  // A partner system's own account does not manage tokens.
  const [tokens, holders] = await Promise.all([listTokens(actor), listTokenHolders(actor)]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "forbidden") notFound();
    throw error;
  });
  const holderOptions: HolderOption[] = [
    { userId: "", label: t("tokens.myself", { email: actor.email }), scopes: holders.self.scopes },
    ...holders.accounts.map((account) => {
      const region = (locale === "en" ? account.regionNameEn : account.regionNameZh) ?? t("tokens.wholeZone");
      const where = account.stationName ?? t("tokens.holderRegion", { region });
      return {
        userId: account.userId,
        label: `${account.name} · ${account.email} · ${t(`common.roles.${account.role}`)} · ${where}`,
        scopes: account.scopes,
      };
    }),
  ];
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("tokens.intro")}>{t("tokens.title")}</PageTitle>
      <Card title={t("tokens.issue")}>
        <IssueTokenForm holders={holderOptions} />
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
                      {t("tokens.columns.account")}: {token.userName} ({token.userEmail})
                      {token.integration ? (
                        <>
                          {" "}
                          <Badge tone="info">{t("tokens.integration")}</Badge>
                        </>
                      ) : null}{" "}
                      · {t("tokens.columns.issuer")}: {token.issuerName} ({token.issuerEmail})
                    </p>
                    <p className="text-slate-600">
                      {t("tokens.columns.scopes")}:{" "}
                      {token.scopes.length
                        ? token.scopes.map((scope) => t(`tokens.scopeLabels.${scope}`)).join(t("tokens.scopeSeparator"))
                        : t("tokens.allScopes")}
                    </p>
                    <p className="text-slate-500">
                      {t("tokens.columns.created")}: {formatDateTime(token.createdAt, locale)} · {t("tokens.columns.lastUsed")}:{" "}
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("tokens.never")}
                      {` · ${t("tokens.columns.expires")}: ${token.expiresAt ? formatDateTime(token.expiresAt, locale) : t("tokens.noExpiry")}`}
                    </p>
                    {token.status === "active" && token.userDisabled ? <p className="text-amber-700">{t("tokens.accountDisabled")}</p> : null}
                    {token.status === "active" && token.issuerDisabled && token.integration ? (
                      <p className="text-amber-700">{t("tokens.issuerDisabled")}</p>
                    ) : null}
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
