import Link from "next/link";
import { allows, type Actor } from "@/lib/authz";
import type { Translate } from "@/lib/i18n/translate";
import { unreadCount } from "@/lib/notifications/queries";
import { LanguageSwitch } from "./language-switch";
import { portalNav, publicNav, type NavItem } from "./nav-items";
import { PhoneMenu } from "./phone-menu";

function visible(items: NavItem[], actor: Actor | null): NavItem[] {
  return items.filter((item) => {
    if (item.permission === "public") return true;
    if (!actor) return false;
    // allows(): a zone-wide entry (the routing settings) is not offered to an admin of one district.
    if (item.unless && allows(actor, item.unless)) return false;
    return item.permission === "signedIn" || allows(actor, item.permission);
  });
}

/** The unread count beside the inbox link. */
function UnreadBadge({ count }: { count: number }) {
  return count ? (
    <span className="ml-1 rounded-full bg-accent-500 px-1.5 text-xs font-semibold text-brand-900 tabular-nums">{count > 99 ? "99+" : count}</span>
  ) : null;
}

function NavLinks({ items, t, className, unread = 0 }: { items: NavItem[]; t: Translate; className: string; unread?: number }) {
  return (
    <>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          className={className}
          aria-label={item.href === "/inbox" && unread ? t("notifications.inbox.headerLink", { n: unread }) : undefined}
        >
          {t(item.label)}
          {item.href === "/inbox" ? <UnreadBadge count={unread} /> : null}
        </Link>
      ))}
    </>
  );
}

/** The site header: role-aware navigation, the account, and the language switch. */
export async function SiteHeader({ actor, t }: { actor: Actor | null; t: Translate }) {
  const unread = actor ? await unreadCount(actor) : 0;
  const items = [...(actor ? [] : publicNav), ...visible(portalNav, actor)];
  const linkClass = "rounded px-2 py-1 text-sm text-white/90 hover:bg-white/10 hover:text-white";
  const account = (testId?: string) =>
    actor ? (
      <>
        <span className="text-sm text-white/80" data-testid={testId}>
          {actor.name} · {t(`common.roles.${actor.role}`)}
        </span>
        <Link href="/account/password" className={linkClass}>
          {t("auth.changePassword.link")}
        </Link>
        <Link href="/logout" className={linkClass}>
          {t("common.nav.signOut")}
        </Link>
      </>
    ) : (
      <>
        <Link href="/login" className={linkClass}>
          {t("common.nav.signIn")}
        </Link>
        <Link href="/register" className={linkClass}>
          {t("common.nav.register")}
        </Link>
      </>
    );
  return (
    <header className="no-print bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href={actor ? "/portal" : "/"} className="flex min-w-0 items-center gap-2 font-semibold">
          <span aria-hidden className="grid h-8 w-8 shrink-0 place-items-center rounded bg-accent-500 text-sm font-bold text-brand-900">
            法
          </span>
          <span className="truncate text-base sm:text-lg">{t("common.appName")}</span>
        </Link>
        <div className="hidden items-center gap-2 lg:flex">
          {actor ? null : (
            <nav aria-label={t("common.nav.menu")} className="flex items-center gap-1">
              <NavLinks items={items} t={t} className={linkClass} />
            </nav>
          )}
          {account("signed-in-as")}
          <LanguageSwitch />
        </div>
        {unread ? (
          <Link href="/inbox" className={`${linkClass} ml-auto lg:hidden`} aria-label={t("notifications.inbox.headerLink", { n: unread })}>
            {t("common.nav.inbox")}
            <UnreadBadge count={unread} />
          </Link>
        ) : null}
        <PhoneMenu label={t("common.nav.menu")}>
          <div className="absolute right-0 z-20 mt-2 flex w-64 flex-col gap-1 rounded-md bg-brand-800 p-3 shadow-lg">
            <NavLinks items={items} t={t} className={linkClass} unread={unread} />
            <hr className="my-2 border-white/20" />
            <div className="flex flex-col gap-1">{account()}</div>
            <div className="mt-2">
              <LanguageSwitch />
            </div>
          </div>
        </PhoneMenu>
      </div>
      {actor ? (
        <nav aria-label={t("common.nav.menu")} className="hidden border-t border-white/10 bg-brand-800 lg:block">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-1.5">
            <NavLinks items={items} t={t} className={linkClass} unread={unread} />
          </div>
        </nav>
      ) : null}
    </header>
  );
}
