import Link from "next/link";

/** A row of links that switch a list's view (the current one highlighted and marked for screen readers). */
export function TabLinks({ label, tabs }: { label: string; tabs: { href: string; text: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="mb-4 flex gap-2">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm ${tab.current ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
        >
          {tab.text}
        </Link>
      ))}
    </nav>
  );
}
