"use client";

import { useSyncExternalStore } from "react";

type Section = { id: string; label: string };

const subscribeToNothing = () => () => {};

/**
 * On a phone, a bar of links to the case page's sections, kept at the top while scrolling (the page
 * is long). It offers only the sections this viewer's page has: some appear only for some roles or
 * states, so it looks for them once the page is in the browser.
 */
export function SectionLinks({ label, sections }: { label: string; sections: Section[] }) {
  // the ids of the sections shown (a hidden, empty one has no box); none on the server
  const shown = useSyncExternalStore(
    subscribeToNothing,
    () =>
      sections
        .filter((s) => document.getElementById(s.id)?.getClientRects().length)
        .map((s) => s.id)
        .join(" "),
    () => "",
  );
  const present = sections.filter((s) => shown.split(" ").includes(s.id));
  if (present.length < 2) return null;
  return (
    <nav
      aria-label={label}
      data-testid="section-links"
      className="no-print sticky top-0 z-10 -mx-4 overflow-x-auto border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur lg:hidden"
    >
      <ul className="flex gap-2 text-sm whitespace-nowrap">
        {present.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="inline-block rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
