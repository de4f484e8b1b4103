// A contact's messages: the thread view with the contact's words (staff's
// messages marked "Our team"; a contact's thread has no internal part).
import { useTranslations } from "next-intl";
import { ThreadView } from "@/components/threads/thread-view";
import type { ContactDetail } from "@/lib/contacts/thread";

export function ContactThread({ messages }: { messages: ContactDetail["messages"] }) {
  const t = useTranslations("contacts");
  return (
    <ThreadView
      messages={messages.map(({ attachments, ...m }) => ({ ...m, files: attachments.map((a) => a.file) }))}
      labels={{ title: t("thread"), staff: t("staffBadge"), files: { size: (kb) => t("fileSize", { size: kb }) } }}
    />
  );
}
