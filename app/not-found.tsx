import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/shell/message-page";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <MessagePage code="404" title={t("notFoundTitle")} body={t("notFoundBody")} homeLabel={t("goHome")} />;
}
