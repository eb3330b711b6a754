import { FilesStep, ReviewStep } from "./review-steps";
import { CategoryStep, DetailsStep, ServiceStep, WalkInStep, type StepFields } from "./steps";

/** The wizard's steps by name; each carries the draft fields it asks for (its `fields`). */
export const wizardSteps = {
  walkIn: WalkInStep,
  category: CategoryStep,
  details: DetailsStep,
  service: ServiceStep,
  files: FilesStep,
  review: ReviewStep,
} satisfies Record<string, { fields: StepFields }>;
export type StepName = keyof typeof wizardSteps;

/** Which of these steps asks for a field ("counterparties.2.name" is on the details step), or -1. */
export function stepOf(field: string, steps: readonly StepName[]): number {
  return steps.findIndex((name) => wizardSteps[name].fields.some((f: string) => field === f || field.startsWith(`${f}.`)));
}
