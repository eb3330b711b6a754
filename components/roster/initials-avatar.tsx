/** A round avatar with the first character of a Chinese name (or two initials of a Latin one). */
export function InitialsAvatar({ name, size = "md" }: { name: string; size?: "md" | "lg" }) {
  const trimmed = name.trim();
  const latin = /^[A-Za-z]/.test(trimmed);
  const initials = latin
    ? trimmed
        .split(/\s+/)
        .slice(0, 2)
        .map((w) => w[0]!.toUpperCase())
        .join("")
    : trimmed.slice(0, 1);
  const dimensions = size === "lg" ? "h-20 w-20 text-3xl" : "h-12 w-12 text-lg";
  return (
    <span aria-hidden className={`grid shrink-0 place-items-center rounded-full bg-brand-100 font-bold text-brand-800 ${dimensions}`}>
      {initials}
    </span>
  );
}
