"use client";

// The same cancel button as in the portal, for the registrant who came in
// through the link in their e-mail (no account): the token proves who they are.
import { cancelPublicRegistrationAction } from "@/lib/events/public-actions";
import { CancelMyRegistration } from "./cancel-my-registration";

export function CancelPublicRegistration({ token, registrationId, eventName }: { token: string; registrationId: string; eventName: string }) {
  return <CancelMyRegistration eventName={eventName} action={() => cancelPublicRegistrationAction(token, registrationId)} />;
}
