import { useSyncExternalStore } from "react";

/** False on the server and in the first render, true once in the browser: a form with a stored draft renders only then. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
}
