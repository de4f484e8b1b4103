import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/shell/message-page";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return <MessagePage code="403" title={t("forbiddenTitle")} body={t("forbiddenBody")} homeLabel={t("goHome")} />;
}
