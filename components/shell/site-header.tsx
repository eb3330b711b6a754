import Link from "next/link";
import { allows, type Actor } from "@/lib/authz";
import type { Translate } from "@/lib/i18n/translate";
import { unreadCount } from "@/lib/notifications/queries";
import { LanguageSwitch } from "./language-switch";
import { portalNav, publicNav, type NavItem } from "./nav-items";
import { PhoneMenu } from "./phone-menu";
import styles from "./site-header.module.css";

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

/**
 * The navigation links, made once: the header shows them twice (the wide screen's row and the phone's
 * menu), and the same elements placed twice go to the browser once, the second place a reference.
 */
function navLinks(items: NavItem[], t: Translate, unread: number) {
  return items.map((item) =>
    // The inbox's label and badge only where they apply: an absent prop costs nothing in the page.
    item.href === "/inbox" && unread ? (
      <Link key={item.href} href={item.href} className={styles.link} aria-label={t("notifications.inbox.headerLink", { n: unread })}>
        {t(item.label)}
        <UnreadBadge count={unread} />
      </Link>
    ) : (
      <Link key={item.href} href={item.href} className={styles.link}>
        {t(item.label)}
      </Link>
    ),
  );
}

/** The site header: role-aware navigation, the account, and the language switch. */
export async function SiteHeader({ actor, t }: { actor: Actor | null; t: Translate }) {
  const unread = actor ? await unreadCount(actor) : 0;
  const items = [...(actor ? [] : publicNav), ...visible(portalNav, actor)];
  const linkClass = styles.link;
  const links = navLinks(items, t, unread);
  const who = actor ? `${actor.name} · ${t(`common.roles.${actor.role}`)}` : null;
  const accountLinks = actor ? (
    <>
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
  const languageSwitch = <LanguageSwitch />;
  return (
    <header className="no-print bg-brand-900 text-white">
      <div className={styles.bar}>
        <Link href={actor ? "/portal" : "/"} className={styles.home}>
          <span aria-hidden className={styles.mark}>
            法
          </span>
          <span className="truncate text-base sm:text-lg">{t("common.appName")}</span>
        </Link>
        <div className="hidden items-center gap-2 lg:flex">
          {actor ? null : (
            <nav aria-label={t("common.nav.menu")} className="flex items-center gap-1">
              {links}
            </nav>
          )}
          {who ? (
            <span className="text-sm text-white/80" data-testid="signed-in-as">
              {who}
            </span>
          ) : null}
          {accountLinks}
          {languageSwitch}
        </div>
        {unread ? (
          <Link href="/inbox" className={`${linkClass} ml-auto lg:hidden`} aria-label={t("notifications.inbox.headerLink", { n: unread })}>
            {t("common.nav.inbox")}
            <UnreadBadge count={unread} />
          </Link>
        ) : null}
        <PhoneMenu label={t("common.nav.menu")}>
          <div className={styles.menu}>
            {links}
            <hr className="my-2 border-white/20" />
            <div className="flex flex-col gap-1">
              {who ? <span className="text-sm text-white/80">{who}</span> : null}
              {accountLinks}
            </div>
            <div className="mt-2">{languageSwitch}</div>
          </div>
        </PhoneMenu>
      </div>
      {actor ? (
        <nav aria-label={t("common.nav.menu")} className="hidden border-t border-white/10 bg-brand-800 lg:block">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-1.5">{links}</div>
        </nav>
      ) : null}
    </header>
  );
}
