import type { ReactNode } from "react";
import { inputClass, labelClass } from "./field";

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled native <select> for GET filter forms: the id doubles as the field name, an optional
 * first "any" option submits an empty value, and the options come as a list, as children
 * (e.g. grouped <optgroup>s), or both (the list first).
 */
export function SelectField({
  id,
  label,
  defaultValue,
  anyLabel,
  options = [],
  labelClassName = labelClass,
  children,
}: {
  id: string;
  label: ReactNode;
  defaultValue?: string;
  anyLabel?: string;
  options?: SelectOption[];
  labelClassName?: string;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select id={id} name={id} defaultValue={defaultValue} className={`${inputClass} pr-8`}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}
