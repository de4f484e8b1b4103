// A check-in code as a QR image with the code written under it (typed at the
// door when a camera cannot read the image). The SVG is drawn by the qrcode
// package from the code alone, so it is safe to place inline.
import { useTranslations } from "next-intl";

export function CheckInQr({ svg, code, size = "large" }: { svg: string; code: string; size?: "large" | "small" }) {
  const t = useTranslations("events.checkIn");
  return (
    <figure className={size === "large" ? "w-56 max-w-full" : "w-28"} data-testid="check-in-qr">
      <div role="img" aria-label={t("qrAlt", { code })} className="[&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className={`mt-1 text-center font-mono ${size === "large" ? "text-base" : "text-xs"}`} data-testid="check-in-code">
        {code}
      </figcaption>
    </figure>
  );
}
