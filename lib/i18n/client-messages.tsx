import "server-only";
import { MoreMessages } from "./client";
import { clientMessages, getLocale, type Namespace } from "./server";

/** The namespaces every page's client components use (the layout's language switch, error page, forms' buttons). */
export const layoutNamespaces = ["common"] as const satisfies readonly Namespace[];

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
