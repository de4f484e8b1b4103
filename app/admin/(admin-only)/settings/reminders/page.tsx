import { getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { ReminderSettingsForm } from "@/components/settings/reminder-settings-form";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { getReminderSchedule } from "@/lib/events/reminder-settings";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.reminders"))("title") };
}

// Settings → Reminders. Admins only: the (admin-only) layout answers 403 to
// staff, and the action checks again.
export default async function ReminderSettingsPage() {
  const [t, schedule] = await Promise.all([getTranslations("settings.reminders"), getReminderSchedule(db)]);
  return (
    <>
      <SettingsFormHeader title={t("title")} backHref="/admin/settings" />
      <p className="-mt-4 mb-6 max-w-2xl text-sm text-slate-600">{t("help")}</p>
      <Card className="max-w-xl">
        <ReminderSettingsForm defaults={{ offsets: [...schedule.offsets], hour: String(schedule.hour) }} />
      </Card>
    </>
  );
}
