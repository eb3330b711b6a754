import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/shell/site-header";
import { getActor } from "@/lib/auth/current";
import { siteUrl } from "@/lib/env";
import { I18nProvider } from "@/lib/i18n/client";
import { layoutMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return {
    // Canonical links and other metadata URLs are made absolute on the configured public address.
    metadataBase: new URL(siteUrl()),
    title: { default: t("common.appName"), template: `%s · ${t("common.appName")}` },
    description: t("home.hero.body"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0d2a43" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [{ t, locale }, actor] = await Promise.all([getT(), getActor()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <I18nProvider locale={locale} messages={layoutMessages(locale)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
            {t("common.skipToContent")}
          </a>
          <SiteHeader actor={actor} t={t} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
            {children}
          </main>
          <footer className="no-print border-t border-slate-200 bg-white">
            <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600">
              <p>{`${t("common.societyName")} · ${t("common.zoneName")}`}</p>
              <p>{t("common.footer.about")}</p>
              <p>{t("common.footer.contact")}</p>
              <p>
                <Link href="/privacy" className="text-brand-700 underline">
                  {t("common.footer.privacy")}
                </Link>
              </p>
            </div>
          </footer>
        </I18nProvider>
      </body>
    </html>
  );
}
