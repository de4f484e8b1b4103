import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { first, type SearchParams } from "@/lib/pagination";

/** The notice after a redirect: ?created=1, ?deleted=1 or ?archived=1 (removing a record in use archives it). */
export async function SettingsNotices({ params }: { params: SearchParams }) {
  const t = await getTranslations("contacts.settings");
  const key = first(params.created) ? "created" : first(params.deleted) ? "deleted" : first(params.archived) ? "archived" : null;
  if (!key) return null;
  return (
    <div className="mb-4">
      <Alert tone={key === "archived" ? "info" : "success"}>{t(key)}</Alert>
    </div>
  );
}
