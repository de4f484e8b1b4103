import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { logoutAction } from "@/lib/auth/actions";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks, type NavItem } from "./nav-links";

/** The frame shared by the portal and the dashboard: header, navigation, main. */
export async function AppShell({ area, home, nav, userName, children }: { area: string; home: string; nav: NavItem[]; userName: string; children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href={home} className="text-lg font-semibold text-indigo-800">
            {t("appName")} <span className="text-sm font-normal text-slate-500">· {area}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            {/* The account's own pages: two-step verification and where one is signed in. */}
            <Link href="/account/security" className="text-slate-600 underline-offset-2 hover:underline">
              {t("signedInAs", { name: userName })}
            </Link>
            <LanguageSwitcher />
            <form action={logoutAction}>
              <button
                type="submit"
                className="rounded-md px-2 py-1 text-slate-700 underline hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-600"
              >
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <nav aria-label={t("mainNavigation")} className="md:w-52 md:shrink-0">
          <NavLinks items={nav} />
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
