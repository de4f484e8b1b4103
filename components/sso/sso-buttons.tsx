import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** One button per enabled identity provider on the sign-in page; each leaves for that provider. */
export async function SsoButtons({ providers, callbackUrl }: { providers: { id: string; label: string }[]; callbackUrl?: string }) {
  if (providers.length === 0) return null;
  const t = await getTranslations("sso");
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <ul className="space-y-2" aria-label={t("buttonsLabel")}>
      {providers.map((provider) => (
        <li key={provider.id}>
          {/* A plain link: the provider's page is another site, so no client-side navigation. */}
          <a href={`/sso/${provider.id}${query}`} className={buttonClass("secondary", "w-full")}>
            {t("signInWith", { label: provider.label })}
          </a>
        </li>
      ))}
    </ul>
  );
}
