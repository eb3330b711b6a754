import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { actorFromHeaders } from "./actor";

/** The signed-in actor of the page being rendered (once per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => actorFromHeaders(await headers()));

/** For pages behind sign-in: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
