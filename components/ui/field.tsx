import type { ComponentProps, ReactNode } from "react";

/** A text field, select or text area (app/globals.css, the components layer). */
export const inputClass = "field";
/** A form label above its control. */
export const labelClass = "field-label";

/** A labelled form control with its hint and error tied to it for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The labelled search box of a filter form that reloads the page with what was typed (method GET). */
export function SearchField({
  id,
  label,
  className = "space-y-1",
  ...input
}: { id: string; name: string; label: ReactNode; className?: string } & Omit<ComponentProps<"input">, "id" | "type" | "className">) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input {...input} id={id} type="search" className={inputClass} />
    </div>
  );
}

export function TextInput(props: ComponentProps<"input">) {
  return <input {...props} className={props.className ? `${inputClass} ${props.className}` : inputClass} />;
}

/** The form-level message, announced to screen readers. */
export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  if (!message) return null;
  const colors = tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <div role="alert" data-testid="form-alert" className={`rounded-md border px-3 py-2 text-sm ${colors}`}>
      {message}
    </div>
  );
}
