import styles from "./initials-avatar.module.css";

/** The first character of a Chinese name, or two initials of a Latin one. */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (!/^[A-Za-z]/.test(trimmed)) return trimmed.slice(0, 1);
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
}

/** A round avatar with the initials of a name. */
export function InitialsAvatar({ name, size = "md" }: { name: string; size?: "md" | "lg" }) {
  return (
    <span aria-hidden className={size === "lg" ? `${styles.avatar} ${styles.lg}` : styles.avatar}>
      {initialsOf(name)}
    </span>
  );
}
