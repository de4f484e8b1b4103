import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/** Title, "New" button, "Back to settings" link and the "created" notice of a settings list. */
export async function SettingsListHeader({ title, newHref, newLabel, created }: { title: string; newHref: string; newLabel: string; created: boolean }) {
  const [t, tc] = await Promise.all([getTranslations("settings"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <>
            <Link href={newHref} className={buttonClass()}>
              {newLabel}
            </Link>
            <Link href="/admin/settings" className="self-center text-sm text-indigo-700 underline">
              {tc("back")}
            </Link>
          </>
        }
      />
      {created ? (
        <div className="mb-4">
          <Alert tone="success">{t("created")}</Alert>
        </div>
      ) : null}
    </>
  );
}

/** Title and "back to the list" link of a settings form page. */
export async function SettingsFormHeader({ title, backHref }: { title: string; backHref: string }) {
  const tc = await getTranslations("common");
  return (
    <PageHeader
      title={title}
      actions={
        <Link href={backHref} className="text-sm text-indigo-700 underline">
          {tc("back")}
        </Link>
      }
    />
  );
}
