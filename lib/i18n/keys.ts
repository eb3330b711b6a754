import type { Catalog } from "./catalog";

type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. "auth.signIn.wrong". */
export type MessageKey = Paths<Catalog>;
