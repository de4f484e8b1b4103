"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

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
              {item.label}
              {item.badge ? <span className="ml-2 rounded-full bg-indigo-700 px-2 text-xs text-white">{item.badge}</span> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
