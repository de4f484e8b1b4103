import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ContactStatus } from "@/lib/generated/prisma/enums";

export function ContactStatusBadge({ status }: { status: ContactStatus }) {
  const t = useTranslations("contacts.status");
  return <Badge tone={status === "OPEN" ? "blue" : "green"}>{t(status)}</Badge>;
}
