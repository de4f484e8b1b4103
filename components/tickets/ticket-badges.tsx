// A ticket's status (open, completed, cancelled) and whose turn it is. The
// turn reads from the viewer's side: "Your action needed" / "Awaiting reply"
// in the portal, "With the client" / "With staff" on staff screens.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { StageResponsible, TicketStatus } from "@/lib/generated/prisma/enums";

export type TicketAudience = "portal" | "staff";

const statusTone = { [TicketStatus.OPEN]: "blue", [TicketStatus.COMPLETED]: "green", [TicketStatus.CANCELLED]: "red" } as const;

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const t = useTranslations("tickets.status");
  return <Badge tone={statusTone[status]}>{t(status)}</Badge>;
}

/** Whose turn, only while the ticket is open. */
export function TurnBadge({ status, responsible, audience }: { status: TicketStatus; responsible: StageResponsible; audience: TicketAudience }) {
  const t = useTranslations("tickets.responsible");
  if (status !== TicketStatus.OPEN) return null;
  const clients = responsible === StageResponsible.CLIENT;
  return <Badge tone={clients === (audience === "portal") ? "amber" : "gray"}>{t(`${audience}.${responsible}`)}</Badge>;
}
