"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { z } from "zod";
import type { FormAction } from "@/components/ui/use-server-action";
import type { OverClaimFigures } from "@/lib/disputes/over-claim";
import type { bulkUpdateDisputesSchema, createDisputesFormSchema } from "@/lib/disputes/schemas";
import type { ActionResult } from "@/lib/http/server-action";

/** The server actions of the disputes board, handed in by the page (components never import app/). */
export interface DisputeActions {
  createDispute: FormAction;
  createDisputes: (input: z.input<typeof createDisputesFormSchema>) => Promise<ActionResult<{ ids: string[] }>>;
  updateDispute: FormAction;
  bulkUpdateDisputes: (input: z.input<typeof bulkUpdateDisputesSchema>) => Promise<ActionResult<{ updated: number; skipped: number }>>;
  recordRecovery: FormAction<{ id: string } | { overClaim: OverClaimFigures }>;
  reverseRecovery: FormAction;
  respondRecovery: FormAction;
}

const DisputeActionsContext = createContext<DisputeActions | null>(null);

export function DisputeActionsProvider({ actions, children }: { actions: DisputeActions; children: ReactNode }) {
  return <DisputeActionsContext value={actions}>{children}</DisputeActionsContext>;
}

/** The board's actions; only its own forms, inside the provider, call this. */
export function useDisputeActions(): DisputeActions {
  const actions = useContext(DisputeActionsContext);
  if (!actions) throw new Error("useDisputeActions outside DisputeActionsProvider");
  return actions;
}
