"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { MessagePage } from "@/components/shell/message-page";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => console.error(error), [error]);
  return (
    <MessagePage code="500" title={t("serverTitle")} body={t("serverBody")} homeLabel={t("goHome")} action={<Button onClick={reset}>{t("tryAgain")}</Button>} />
  );
}
