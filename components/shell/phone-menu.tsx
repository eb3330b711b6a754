"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The header's menu on a phone. The layout stays mounted across navigations, so a plain <details>
 * would stay open over the next page: it closes when a link in it is followed (also one to the page
 * already shown), when the page changes by other means (back), and on Escape.
 */
export function PhoneMenu({ label, children }: { label: string; children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={menu}
      className="relative lg:hidden"
      onClick={(event) => {
        if (menu.current && (event.target as Element).closest("a")) menu.current.open = false;
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && menu.current?.open) {
          menu.current.open = false;
          menu.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="cursor-pointer list-none rounded border border-white/30 px-3 py-1 text-sm">{label}</summary>
      {children}
    </details>
  );
}
