import { getTranslations } from "next-intl/server";

export async function LoadingSkeleton() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-1/3 rounded bg-slate-200" />
      <div className="h-4 w-2/3 rounded bg-slate-200" />
      <div className="h-48 rounded bg-slate-200" />
    </div>
  );
}
