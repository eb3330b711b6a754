import { requireActor } from "@/lib/auth/current";

/** Everything under here needs a signed-in user; each page still asks lib/ what it may show. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await requireActor();
  return <>{children}</>;
}
