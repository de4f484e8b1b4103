"use client";

// The consent part of a public form: the privacy notice in force (folded, so
// the form stays short; opened by keyboard or click), the required acceptance
// and the optional news consent, which is never ticked in advance.
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError } from "@/components/ui/field";

export interface ShownNotice {
  id: string;
  version: number;
  /** The notice rendered from Markdown on the server (safe HTML). */
  html: string;
}

interface ConsentFieldsProps {
  notice: ShownNotice | null;
  accept: UseFormRegisterReturn;
  marketing: UseFormRegisterReturn;
  /** The translated error of the acceptance, if any. */
  acceptError?: string;
}

export function ConsentFields({ notice, accept, marketing, acceptError }: ConsentFieldsProps) {
  const t = useTranslations("privacy.consent");
  const checkbox = "mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-700 focus:ring-indigo-600";
  return (
    <div className="space-y-3">
      {notice ? (
        <div>
          <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium text-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-600">
              {t("readNotice", { version: notice.version })}
            </summary>
            <div
              className="mt-2 max-h-64 space-y-2 overflow-y-auto text-slate-800 [&_a]:text-indigo-700 [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5"
              // Safe: rendered by lib/markdown.ts, which escapes raw HTML and refuses dangerous links.
              dangerouslySetInnerHTML={{ __html: notice.html }}
            />
          </details>
          <label className="mt-2 flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className={checkbox}
              aria-invalid={acceptError ? true : undefined}
              aria-describedby={acceptError ? "consent-accept-error" : undefined}
              {...accept}
            />
            <span>
              {t("accept")}
              <span className="text-red-700"> *</span>
            </span>
          </label>
          <FieldError id="consent-accept-error" error={acceptError} />
        </div>
      ) : null}
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" className={checkbox} {...marketing} />
        <span>{t("marketing")}</span>
      </label>
    </div>
  );
}
