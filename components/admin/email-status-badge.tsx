import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

const tone = { QUEUED: "blue", SENDING: "amber", SENT: "green", FAILED: "red" } as const;

export async function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const t = await getTranslations("outbox.status");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
