import Link from "next/link";
import type { ComponentProps } from "react";

// Class names from app/globals.css (the components layer).
const variants = {
  primary: "btn-primary",
  accent: "btn-accent",
  secondary: "btn-secondary",
  danger: "btn-danger",
  ghost: "btn-ghost",
} as const;
export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = "primary", extra = "") {
  return extra ? `btn ${variants[variant]} ${extra}` : `btn ${variants[variant]}`;
}

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

export function LinkButton({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
