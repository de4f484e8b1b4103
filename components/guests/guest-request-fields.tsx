// The fields of a guest request as sent: built-in ones with their translated
// labels, custom ones with the label they had when the request was sent.
// Shared by the staff detail page and the requester's status page.
import { useTranslations } from "next-intl";
import { GUEST_PRIORITIES } from "@/lib/guests/config";
import { customValueList } from "@/lib/guests/custom-values";

export interface GuestRequestFieldValues {
  requesterName: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  asset: string | null;
  category: string | null;
  priority: string | null;
  title: string | null;
  description: string | null;
  customValues: unknown;
}

const TEXT_FIELDS = ["title", "requesterName", "email", "phone", "location", "asset", "category"] as const;

export function GuestRequestFields({ request }: { request: GuestRequestFieldValues }) {
  const t = useTranslations("guests");
  const rows: { label: string; value: string }[] = [];
  for (const key of TEXT_FIELDS) if (request[key]) rows.push({ label: t(`fields.${key}`), value: request[key] });
  const priority = GUEST_PRIORITIES.find((p) => p === request.priority);
  if (priority) rows.push({ label: t("fields.priority"), value: t(`priorities.${priority}`) });
  for (const field of customValueList(request.customValues)) {
    rows.push({ label: field.label, value: typeof field.value === "boolean" ? t(field.value ? "yes" : "no") : field.value });
  }
  return (
    <dl className="space-y-3 text-sm">
      {rows.map((row, index) => (
        <div key={index} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-700">{row.label}</dt>
          <dd className="break-words whitespace-pre-wrap text-slate-900">{row.value}</dd>
        </div>
      ))}
      {request.description ? (
        <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-700">{t("fields.description")}</dt>
          <dd className="break-words whitespace-pre-wrap text-slate-900">{request.description}</dd>
        </div>
      ) : null}
    </dl>
  );
}
