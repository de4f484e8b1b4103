import { getFormatter, getTranslations } from "next-intl/server";
import { RecordHeader } from "@/components/admin/record-header";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/page-header";
import { UserForm } from "@/components/users/user-form";
import { UserSignInCard } from "@/components/users/user-sign-in-card";
import { listCpfChanges } from "@/lib/account/cpf";
import { requireAdmin } from "@/lib/auth/session";
import { userSignInSummary } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { first, type SearchParams } from "@/lib/pagination";
import { listProfileOptions } from "@/lib/profiles/list-profiles";
import { setUserActiveAction } from "@/lib/users/actions";
import { getUser } from "@/lib/users/list-users";
import { timeZoneOptions } from "@/lib/users/time-zones";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("editTitle") };
}

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await orNotFound(getUser(db, actor, id));
  const [profiles, cpfChanges, signIn, t, format] = await Promise.all([
    listProfileOptions(db, actor, user.profileId),
    listCpfChanges(db, actor, user.id),
    userSignInSummary(db, actor, user.id),
    getTranslations("users"),
    getFormatter(),
  ]);
  const isSelf = user.id === actor.userId;
  return (
    <>
      <RecordHeader
        namespace="users"
        name={user.name}
        active={user.active}
        setActive={isSelf ? undefined : setUserActiveAction.bind(null, user.id)}
        backHref="/admin/users"
        justCreated={!!first(query.created)}
      />
      <Card>
        <UserForm
          userId={user.id}
          isSelf={isSelf}
          defaults={{
            name: user.name,
            email: user.email,
            role: user.role,
            profileId: user.profileId ?? "",
            password: "",
            locale: isLocale(user.locale) ? user.locale : defaultLocale,
            timeZone: user.timeZone,
            active: user.active,
            privacyOfficer: user.privacyOfficer,
          }}
          profiles={profiles}
          timeZones={timeZoneOptions(user.timeZone)}
        />
      </Card>
      <UserSignInCard userId={user.id} name={user.name} twoFactor={signIn.twoFactor} activeSessions={signIn.activeSessions} />
      <section className="mt-6" aria-labelledby="cpf-changes">
        <h2 id="cpf-changes" className="mb-1 text-lg font-medium">
          {t("cpfChanges")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("cpfChangesHelp")}</p>
        <DataTable
          caption={t("cpfChanges")}
          rows={cpfChanges}
          rowKey={(c) => c.id}
          empty={t("cpfChangesEmpty")}
          columns={[
            { header: t("cpfChangeAt"), cell: (c) => format.dateTime(c.at, { dateStyle: "medium", timeStyle: "medium" }), className: "whitespace-nowrap" },
            { header: t("cpfChangeOutcome"), cell: (c) => t(`cpfOutcome.${c.outcome}`) },
            { header: t("cpfChangeValue"), cell: (c) => c.cpf ?? "—", className: "whitespace-nowrap font-mono" },
          ]}
        />
      </section>
    </>
  );
}
