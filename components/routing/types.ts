import type { FormAction } from "@/components/ui/use-server-action";

/** The routing controls' server actions, handed in by the page (components never import app/). */
export interface RoutingActions {
  routeRequest: FormAction;
  skipExpert: FormAction;
  withdrawOffer: FormAction;
  reassignCase: FormAction;
  acceptOffer: FormAction;
  declineOffer: FormAction;
}

export type OfferActions = Pick<RoutingActions, "acceptOffer" | "declineOffer">;
