// What the sender completes when it sends a message rather than when the
// message is queued, per template: props that do not exist yet at queueing
// (a registration's check-in code, when the registration is written in the
// same SQL statement as its e-mail) and files made from them. Each must give
// the same answer on a retry (it reads only committed rows), so a message
// sent again is the same message.
import type { SqlSession } from "@/lib/db/sql-driver";
import { checkInCodeAtSend } from "@/lib/events/check-in-email";
import type { TemplateName } from "./templates";
import type { OutgoingAttachment } from "./transport";

export interface AtSendContext {
  sql: SqlSession;
  to: string;
}

type AtSend = (props: never, context: AtSendContext) => Promise<{ props?: object; attachments?: OutgoingAttachment[] }>;

export const completedAtSend: Partial<Record<TemplateName, AtSend>> = {
  eventRegistration: checkInCodeAtSend,
};
