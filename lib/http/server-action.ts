import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { actorFromHeaders } from "@/lib/auth/actor";
import { requirePermission, type ActorFor, type Permission } from "@/lib/authz";
import type { ErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { assertStorableText } from "@/lib/validation";
import { errorResponseBody, localeFromHeaders } from "./error-body";
import { formDataToObject } from "./form-input";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> };

export interface ActionConfig<S extends z.ZodType = z.ZodType, P extends Permission | "public" = Permission | "public"> {
  /** "public" for anyone; otherwise the permission the actor's role must hold. */
  permission: P;
  input: S;
}

// Kept beside the actions rather than on them: an action is a server reference Next.js marks up.
const configs = new WeakMap<object, ActionConfig>();

/** The configuration an action was built with (the access-control suite checks its table against it). */
export function actionConfigOf(candidate: unknown): ActionConfig | undefined {
  return typeof candidate === "function" ? configs.get(candidate) : undefined;
}

/**
 * The one wrapper of every server action (each is a public endpoint): actor -> permission ->
 * parse -> use case -> a result the form can show, field by field, in the user's language. Who is
 * calling is checked before the input is read, as for route handlers, so a caller without the
 * permission learns nothing about what the action would accept.
 */
export function action<S extends z.ZodType, T, P extends Permission | "public">(
  config: ActionConfig<S, P>,
  handler: (input: { actor: ActorFor<P>; input: z.output<S>; locale: Locale }) => Promise<T>,
): (raw: z.input<S> | FormData) => Promise<ActionResult<T>> {
  const run = async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    const requestHeaders = await headers();
    const locale = localeFromHeaders(requestHeaders, "page");
    try {
      const found = await actorFromHeaders(requestHeaders);
      // requirePermission returns the actor it has checked; a public action takes whoever came.
      const actor = (config.permission === "public" ? found : requirePermission(found, config.permission)) as ActorFor<P>;
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      assertStorableText(input);
      const parsed = await config.input.parseAsync(input);
      return { ok: true, data: await handler({ actor, input: parsed, locale }) };
    } catch (error) {
      unstable_rethrow(error);
      const { body } = errorResponseBody(error, locale);
      return { ok: false, ...body.error };
    }
  };
  configs.set(run, config as ActionConfig);
  return run;
}
