/** A fieldset of checkboxes submitting `name[]`, with its error tied to the group for screen readers. */
export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
  error,
  hint,
  columns = 2,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues?: readonly string[];
  error?: string;
  hint?: string;
  columns?: 2 | 3;
}) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  return (
    <fieldset aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined} aria-invalid={Boolean(error)}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`mt-2 grid grid-cols-2 gap-2 ${columns === 3 ? "sm:grid-cols-3" : ""}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="checkbox"
              name={`${name}[]`}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              className="h-4 w-4 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
