import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { GuestRequestStatus } from "@/lib/generated/prisma/enums";

const tones = { CREATED: "amber", OPENED: "blue", CLOSED: "gray" } as const;

/** Staff wording: CREATED reads "Created from Guest Portal". */
export function GuestRequestStatusBadge({ status, audience = "staff" }: { status: GuestRequestStatus; audience?: "staff" | "requester" }) {
  const t = useTranslations("guests");
  return <Badge tone={tones[status]}>{audience === "staff" ? t(`status.${status}`) : t(`publicStatus.${status}`)}</Badge>;
}
