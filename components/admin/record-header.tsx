import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { PageHeader } from "@/components/ui/page-header";
import type { ActionResult } from "@/lib/forms/action-result";

/**
 * Header of an admin edit page for a record that can be deactivated: name with
 * its state, the confirmed (de)activate button, the way back, and the notice
 * after creation. `namespace` holds editTitle, (de)activate, confirm… and created.
 */
export async function RecordHeader({
  namespace,
  name,
  active,
  setActive,
  backHref,
  justCreated,
}: {
  namespace: "users" | "profiles" | "customers";
  name: string;
  active: boolean;
  /** Omit to hide the button (e.g. on one's own account). */
  setActive?: (active: boolean) => Promise<ActionResult>;
  backHref: string;
  justCreated: boolean;
}) {
  const [t, tc] = await Promise.all([getTranslations(namespace), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("editTitle")}
        description={
          <span className="flex items-center gap-2">
            {name} <ActiveBadge active={active} />
          </span>
        }
        actions={
          <>
            {setActive ? (
              <ConfirmButton
                variant={active ? "danger" : "primary"}
                message={active ? t("confirmDeactivate", { name }) : t("confirmActivate", { name })}
                action={setActive.bind(null, !active)}
              >
                {active ? t("deactivate") : t("activate")}
              </ConfirmButton>
            ) : null}
            <Link href={backHref} className="self-center text-sm text-indigo-700 underline">
              {tc("back")}
            </Link>
          </>
        }
      />
      {justCreated ? (
        <div className="mb-4">
          <Alert tone="success">{t("created")}</Alert>
        </div>
      ) : null}
    </>
  );
}
