import "server-only";
import type { Locale } from "./locales";
import { MoreMessages } from "./client";
import type { Messages } from "./messages";
import { clientMessages, getLocale, type Namespace } from "./server";

/** The namespaces every page's client components use (the layout's language switch, error page, forms' buttons). */
export const layoutNamespaces = ["common"] as const satisfies readonly Namespace[];

/**
 * Groups of `common` that only server components read (the site's names, the header's navigation,
 * the footer, the pagination line): left out of what every page hands the browser.
 * client-bundle.test.ts checks that no client module uses one.
 */
export const serverOnlyCommon = ["appName", "appNameShort", "societyName", "zoneName", "skipToContent", "nav", "pagination", "footer"] as const;

/** The layout's messages for the browser: its namespaces, less the groups only the server reads. */
export function layoutMessages(locale: Locale): Messages {
  const messages = clientMessages(locale, layoutNamespaces);
  const omitted = new Set<string>(serverOnlyCommon);
  return { ...messages, common: Object.fromEntries(Object.entries(messages.common ?? {}).filter(([group]) => !omitted.has(group))) };
}

/**
 * A page whose client components translate with more namespaces than the layout's names them here:
 * `export default withClientMessages(["auth"], LoginPage)`. Only those namespaces of the active
 * language go to the browser; client-messages.test.ts checks each page names exactly the ones it needs.
 */
export function withClientMessages<Props extends object>(
  namespaces: readonly Namespace[],
  Page: (props: Props) => React.ReactNode | Promise<React.ReactNode>,
) {
  async function PageWithMessages(props: Props) {
    const messages = clientMessages(await getLocale(), namespaces);
    return (
      <MoreMessages messages={messages}>
        <Page {...props} />
      </MoreMessages>
    );
  }
  return PageWithMessages;
}
