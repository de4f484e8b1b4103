import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EventStatus } from "@/lib/generated/prisma/enums";

const tones = { OPEN: "blue", CONFIRMED: "green", CANCELLED: "red" } as const;

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const t = useTranslations("events.status");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
