import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/profiles/profile-form";
import { BlockedTypesForm } from "@/components/tickets/settings/blocked-types-form";
import { RecordHeader } from "@/components/admin/record-header";
import { Card } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";
import { setProfileActiveAction } from "@/lib/profiles/actions";
import { getProfile } from "@/lib/profiles/list-profiles";
import { profileTicketTypeChoices } from "@/lib/tickets/settings/blocked-types";

export async function generateMetadata() {
  return { title: (await getTranslations("profiles"))("editTitle") };
}

export default async function EditProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const profile = await orNotFound(getProfile(db, actor, id));
  const [tb, ticketTypes] = await Promise.all([getTranslations("ticketSettings.blockedTypes"), profileTicketTypeChoices(db, actor, profile.id)]);
  return (
    <>
      <RecordHeader
        namespace="profiles"
        name={profile.name}
        active={profile.active}
        setActive={setProfileActiveAction.bind(null, profile.id)}
        backHref="/admin/profiles"
        justCreated={!!first(query.created)}
      />
      <Card>
        <ProfileForm
          profileId={profile.id}
          defaults={{ name: profile.name, description: profile.description, permissions: profile.permissions, active: profile.active }}
        />
      </Card>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-medium">{tb("title")}</h2>
        <BlockedTypesForm profileId={profile.id} groups={ticketTypes} />
      </Card>
    </>
  );
}
