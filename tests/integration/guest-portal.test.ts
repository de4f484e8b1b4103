// The guest portal's configuration ("Configuration > Guest Portal"):
// admins only; one row created lazily, disabled, with an unguessable link; the
// fields' configuration is validated; regenerating the link kills the old one.
process.env.AUTH_SECRET ??= "guest-portal-test-secret-0123456789";

import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { DEFAULT_GUEST_PORTAL_FIELDS, guestPortalSettingsSchema, settingsFormValues } from "@/lib/guests/config";
import { findPublicGuestPortal, getGuestPortal, regenerateGuestPortalLink, saveGuestPortal } from "@/lib/guests/portal";
import { createActor } from "../helpers/factories";
import { guestFields } from "../helpers/guest-fixtures";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let client: Actor;

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  client = (await createActor(t.prisma, "CLIENT")).actor;
});

const settings = (change: Parameters<typeof guestFields>[0] = () => {}, extra: { enabled?: boolean; welcomeText?: string } = {}) =>
  guestPortalSettingsSchema.parse(
    settingsFormValues({ enabled: extra.enabled ?? true, welcomeText: extra.welcomeText ?? "Welcome!", fields: guestFields(change) }),
  );

describe("the portal row", () => {
  it("is created on first use, disabled, with the default fields and a 256-bit base64url link", async () => {
    expect(await t.prisma.guestPortal.count()).toBe(0);
    const portal = await getGuestPortal(t.prisma, admin);
    expect(portal).toMatchObject({ enabled: false, welcomeText: "", fields: DEFAULT_GUEST_PORTAL_FIELDS });
    expect(portal.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(portal.token, "base64url")).toHaveLength(32);
    // Created once: the next read sees the same link.
    expect((await getGuestPortal(t.prisma, admin)).token).toBe(portal.token);
    expect(await t.prisma.guestPortal.count()).toBe(1);
    // Disabled: the link does not work yet.
    expect(await findPublicGuestPortal(t.prisma, portal.token)).toBeNull();
  });

  it("is for administrators only", async () => {
    for (const actor of [staff, client]) {
      await expect(getGuestPortal(t.prisma, actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveGuestPortal(t.prisma, actor, settings())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(regenerateGuestPortalLink(t.prisma, actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("saving the configuration", () => {
  it("enables the portal and stores the fields, categories, custom fields and welcome text the public form uses", async () => {
    const saved = await saveGuestPortal(
      t.prisma,
      admin,
      settings(
        (f) => {
          f.builtIn.phone = { shown: true, required: true };
          f.builtIn.asset = { shown: false, required: false };
          f.builtIn.category = { shown: true, required: true };
          f.categories = ["Electrical", "Plumbing"];
          f.custom = [{ key: "f_room", label: "Room", kind: "shortText", shown: true, required: false }];
        },
        { welcomeText: "Tell us what is broken." },
      ),
    );
    const publicPortal = await findPublicGuestPortal(t.prisma, saved.token);
    expect(publicPortal?.welcomeText).toBe("Tell us what is broken.");
    expect(publicPortal?.fields.builtIn.phone).toEqual({ shown: true, required: true });
    expect(publicPortal?.fields.builtIn.asset.shown).toBe(false);
    expect(publicPortal?.fields.categories).toEqual(["Electrical", "Plumbing"]);
    expect(publicPortal?.fields.custom).toEqual([{ key: "f_room", label: "Room", kind: "shortText", shown: true, required: false }]);
  });

  it("refuses an invalid configuration even when the form's check is bypassed", async () => {
    const bad = { ...settings(), categories: "", builtIn: { ...settings().builtIn, category: { shown: true, required: true } } };
    await expect(saveGuestPortal(t.prisma, admin, bad)).rejects.toThrow();
    const badKey = { ...settings(), custom: [{ key: "Not A Key", label: "X", kind: "shortText" as const, shown: true, required: false }] };
    await expect(saveGuestPortal(t.prisma, admin, badKey)).rejects.toThrow();
  });

  it("disabling the portal makes the link answer not found", async () => {
    const { token } = await saveGuestPortal(
      t.prisma,
      admin,
      settings(() => {}, { enabled: false }),
    );
    expect(await findPublicGuestPortal(t.prisma, token)).toBeNull();
    await saveGuestPortal(t.prisma, admin, settings());
    expect(await findPublicGuestPortal(t.prisma, token)).not.toBeNull();
  });

  it("a stored configuration that no longer parses reads as the default instead of breaking the form", async () => {
    const { token } = await getGuestPortal(t.prisma, admin);
    await t.prisma.guestPortal.update({ where: { id: "default" }, data: { fields: { builtIn: "garbage" } } });
    expect((await findPublicGuestPortal(t.prisma, token))?.fields).toEqual(DEFAULT_GUEST_PORTAL_FIELDS);
  });
});

describe("the public link", () => {
  it("regenerating it makes the old link stop working and the new one work", async () => {
    await saveGuestPortal(t.prisma, admin, settings());
    const old = (await getGuestPortal(t.prisma, admin)).token;
    const fresh = await regenerateGuestPortalLink(t.prisma, admin);
    expect(fresh).not.toBe(old);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await findPublicGuestPortal(t.prisma, old)).toBeNull();
    expect(await findPublicGuestPortal(t.prisma, fresh)).not.toBeNull();
  });

  it("malformed and unknown links find nothing", async () => {
    for (const token of ["", "short", "x".repeat(43), "../../etc", "a".repeat(5000), null, 42]) {
      expect(await findPublicGuestPortal(t.prisma, token)).toBeNull();
    }
  });
});
