import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button, LinkButton } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { SearchField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TableHead } from "@/components/ui/table-head";
import { listUsers, type UserListItem } from "@/lib/accounts/list-users";
import { stationChoices } from "@/lib/accounts/station-choices";
import { userListQuerySchema, type UserListQuery } from "@/lib/accounts/user-schemas";
import { requireActor } from "@/lib/auth/current";
import { can, isUnscopedAdmin } from "@/lib/authz";
import { userRoles } from "@/lib/enums";
import { formatTotal } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { referenceNames } from "@/lib/roster/reference-names";
import { AccountStateButton } from "./account-state-button";
import { CreateUserForm } from "./create-user-form";

export const dynamic = "force-dynamic";

const PAGE_SIZE = "25";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("accounts.users.title") };
}

/** The page's filters, dropping any that do not parse rather than failing the page. */
function readFilters(raw: Record<string, string | string[] | undefined>): UserListQuery {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string" && key !== "pageSize") flat[key] = value;
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = userListQuerySchema.safeParse({ ...flat, pageSize: PAGE_SIZE });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete flat[String(issue.path[0])];
  }
  return userListQuerySchema.parse({ pageSize: PAGE_SIZE });
}

function StatusBadges({ user, t }: { user: UserListItem; t: Translate }) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={user.disabled ? "danger" : "success"}>{user.disabled ? t("accounts.users.disabled") : t("accounts.users.enabled")}</Badge>
      {user.integration ? <Badge tone="info">{t("accounts.users.integration")}</Badge> : null}
    </span>
  );
}

/** Admins: the accounts of their district (all for an unscoped admin), a new account, disable and enable. */
async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "user.list")) notFound();
  const filters = readFilters(raw);
  const [result, stations, names] = await Promise.all([listUsers(actor, filters), stationChoices(actor), referenceNames(locale)]);
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const place = (user: UserListItem) =>
    user.stationId
      ? (stationName.get(user.stationId) ?? "—")
      : user.role === "admin"
        ? user.regionScope
          ? names.regionName(user.regionScope)
          : t("accounts.users.zone")
        : "—";
  const actions = (user: UserListItem) =>
    user.userId === actor.userId ? (
      <span className="text-xs text-slate-500">{t("accounts.users.you")}</span>
    ) : (
      <AccountStateButton userId={user.userId} name={user.name} disabled={user.disabled} />
    );
  const filterQuery = { q: filters.q, role: filters.role };
  return (
    <div className="space-y-6">
      <PageTitle subtitle={actor.regionScope === null ? t("accounts.users.intro") : t("accounts.users.introDistrict")}>
        {t("accounts.users.title")}
      </PageTitle>
      {can(actor.role, "user.create") ? (
        <Card title={t("accounts.create.title")}>
          <p className="mb-4 text-sm text-slate-600">
            {isUnscopedAdmin(actor) ? t("accounts.create.introZone") : t("accounts.create.introDistrict")}
          </p>
          <CreateUserForm
            canCreateAdmins={isUnscopedAdmin(actor)}
            stations={stations.filter((s) => !s.closed).map((s) => ({ value: s.id, label: `${s.name} · ${names.regionName(s.regionCode)}` }))}
            districts={ZONE_COUNTIES.map((code) => ({ value: code, label: names.regionName(code) }))}
          />
        </Card>
      ) : null}
      <form
        method="get"
        action="/admin/users"
        role="search"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      >
        <SearchField id="q" label={t("accounts.users.q")} name="q" defaultValue={filters.q ?? ""} placeholder={t("accounts.users.qPlaceholder")} />
        <SelectField
          id="role"
          label={t("accounts.users.role")}
          defaultValue={filters.role ?? ""}
          anyLabel={t("accounts.users.any")}
          options={userRoles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
        />
        <div className="flex gap-2">
          <Button type="submit">{t("accounts.users.filter")}</Button>
          <LinkButton href="/admin/users" variant="secondary">
            {t("accounts.users.reset")}
          </LinkButton>
        </div>
      </form>
      <Card title={t("accounts.users.count", { count: formatTotal(result, locale) })}>
        {result.items.length ? (
          <>
            <ul className="divide-y divide-slate-200 md:hidden">
              {result.items.map((user) => (
                <li key={user.userId} className="space-y-1 py-3 text-sm">
                  <p className="font-medium text-slate-900">{user.name}</p>
                  <p className="break-all text-slate-600">{user.email}</p>
                  <p className="text-slate-600">
                    {t(`common.roles.${user.role}`)} · {place(user)}
                  </p>
                  <StatusBadges user={user} t={t} />
                  <div className="pt-1">{actions(user)}</div>
                </li>
              ))}
            </ul>
            <table className="hidden w-full text-left text-sm md:table">
              <TableHead
                columns={[
                  t("accounts.users.columns.name"),
                  t("accounts.users.columns.email"),
                  t("accounts.users.columns.role"),
                  t("accounts.users.columns.place"),
                  t("accounts.users.columns.status"),
                  t("accounts.users.columns.actions"),
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {result.items.map((user) => (
                  <tr key={user.userId} className="align-top">
                    <td className="py-2 pr-3 font-medium text-slate-900">{user.name}</td>
                    <td className="py-2 pr-3 break-all text-slate-700">{user.email}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{t(`common.roles.${user.role}`)}</td>
                    <td className="py-2 pr-3 text-slate-700">{place(user)}</td>
                    <td className="py-2 pr-3">
                      <StatusBadges user={user} t={t} />
                    </td>
                    <td className="py-2">{actions(user)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <EmptyState>{t("accounts.users.empty")}</EmptyState>
        )}
        <Pagination list={result} locale={locale} basePath="/admin/users" query={filterQuery} t={t} />
      </Card>
    </div>
  );
}

export default withClientMessages(["accounts", "errors", "routing"], UsersPage);
