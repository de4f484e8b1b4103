import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/** The body of 403/404/500 pages. */
export function MessagePage({ code, title, body, action, homeLabel }: { code: string; title: string; body: string; action?: ReactNode; homeLabel: string }) {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold text-indigo-700">{code}</p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">{body}</p>
      <div className="flex gap-2">
        {action}
        <Link href="/" className={buttonClass("secondary")}>
          {homeLabel}
        </Link>
      </div>
    </main>
  );
}
