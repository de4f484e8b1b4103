"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export interface NavItem {
  href: string;
  label: string;
  badge?: number;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col">
      {items.map((item) => {
        const root = item.href.split("/").length === 2;
        const current = root ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`flex items-center justify-between rounded-md px-3 py-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-600 ${current ? "bg-indigo-50 font-medium text-indigo-900" : "text-slate-700 hover:bg-slate-100"}`}
            >
              <span className="flex items-center gap-2">
                {item.label}
                <PendingMark />
              </span>
              {item.badge ? <span className="ml-2 rounded-full bg-indigo-700 px-2 text-xs text-white">{item.badge}</span> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Shown on the link being followed until its page arrives. Pages render in
 * one piece (no route-level loading boundary, so a missing record can still
 * answer 404), and this is what tells the user the click was taken.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  const t = useTranslations("common");
  if (!pending) return null;
  return (
    <span role="status" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent">
      <span className="sr-only">{t("loading")}</span>
    </span>
  );
}
