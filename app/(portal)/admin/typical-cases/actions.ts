"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { draftTypicalCase } from "@/lib/typical-cases/draft-typical-case";
import { publishTypicalCase } from "@/lib/typical-cases/publish-typical-case";
import { draftTypicalCaseSchema, typicalCaseTextSchema } from "@/lib/typical-cases/schemas";
import { updateTypicalCase } from "@/lib/typical-cases/update-typical-case";
import { withdrawTypicalCase } from "@/lib/typical-cases/withdraw-typical-case";

const onTypicalCase = z.object({ id: z.uuid("errors.notFound") });

/** Drafts a typical case from a closed request (the form then opens the draft). */
export const draftTypicalCaseAction = action({ permission: "typicalCase.manage", input: draftTypicalCaseSchema }, ({ actor, input }) =>
  draftTypicalCase(actor, input),
);

export const updateTypicalCaseAction = action(
  { permission: "typicalCase.manage", input: onTypicalCase.extend(typicalCaseTextSchema.shape) },
  ({ actor, input: { id, ...text } }) => updateTypicalCase(actor, id, text),
);

export const publishTypicalCaseAction = action({ permission: "typicalCase.manage", input: onTypicalCase }, ({ actor, input }) =>
  publishTypicalCase(actor, input.id),
);

export const withdrawTypicalCaseAction = action({ permission: "typicalCase.manage", input: onTypicalCase }, ({ actor, input }) =>
  withdrawTypicalCase(actor, input.id),
);
