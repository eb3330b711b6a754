/**
 * The message for a form field from an action's field errors: zod reports a list item as
 * "specialties.0", the form shows it under "specialties".
 */
export function fieldError(fields: Record<string, string>, name: string): string | undefined {
  if (fields[name]) return fields[name];
  const key = Object.keys(fields).find((k) => k.startsWith(`${name}.`));
  return key ? fields[key] : undefined;
}
