// What an event's page shows of its sessions and artwork: each session with
// its times, place or "online" (never the conference link) and whether the
// viewer may open its page; the artwork goes to exactly those who may open
// the event's page, sessions of an open main event included.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPortalEvent } from "@/lib/events/portal-events";
import { eventArtworkFileId, getPublicEvent } from "@/lib/events/public-events";
import { FilePurpose } from "@/lib/generated/prisma/enums";
import { createActor, createEventRecord, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let client: Actor;
let other: Actor;
let staff: Actor;
let typeId: string;
let artworkId: string;
const day = 24 * 3600 * 1000;

// Offered in the portal unless a test says otherwise.
const event = (overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) => createEventRecord(t.prisma, { typeId, visibleInPortal: true, ...overrides });

beforeAll(async () => {
  client = (await createActor(t.prisma, "CLIENT")).actor;
  other = (await createActor(t.prisma, "CLIENT")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
  artworkId = (
    await t.prisma.storedFile.create({
      data: { storageKey: uniqueTag("k"), fileName: "poster.png", contentType: "image/png", size: 10, purpose: FilePurpose.EVENT_ARTWORK },
    })
  ).id;
});

describe("sessions on the main event's page", () => {
  it("lists each session with its times, place or online, and a link only where the client may open it", async () => {
    const place = await t.prisma.eventPlace.create({ data: { name: `Hall ${uniqueTag()}`, address: "Rua A, 1" } });
    const main = await event({ publicRegistration: true, artworkFileId: artworkId });
    const first = await event({
      mainEventId: main.id,
      startsAt: new Date(Date.now() + 11 * day),
      endsAt: new Date(Date.now() + 11 * day + 7200_000),
      placeId: place.id,
    });
    const second = await event({
      mainEventId: main.id,
      startsAt: new Date(Date.now() + 12 * day),
      endsAt: new Date(Date.now() + 12 * day + 3600_000),
      onlineUrl: "https://meet.example.test/secret-room",
    });

    const page = await getPortalEvent(t.prisma, client, main.number);
    expect(page.artworkFileId).toBe(artworkId);
    expect(page.secondaryEvents).toEqual([
      {
        number: first.number,
        slug: first.slug,
        name: first.name,
        status: "OPEN",
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        timeZone: first.timeZone,
        place: { name: place.name, address: "Rua A, 1" },
        isOnline: false,
        reachable: true,
      },
      {
        number: second.number,
        slug: second.slug,
        name: second.name,
        status: "OPEN",
        startsAt: second.startsAt,
        endsAt: second.endsAt,
        timeZone: second.timeZone,
        place: null,
        isOnline: true,
        reachable: true,
      },
    ]);
    // The conference link is handed out by the join page only.
    expect(JSON.stringify(page)).not.toContain("secret-room");

    const pub = await getPublicEvent(t.prisma, main.slug);
    expect(pub.artworkFileId).toBe(artworkId);
    expect(pub.secondaryEvents.map((s) => [s.slug, s.reachable, s.isOnline])).toEqual([
      [first.slug, true, false],
      [second.slug, true, true],
    ]);
    expect(JSON.stringify(pub)).not.toContain("secret-room");
  });

  it("shows a session without a link when the client may not open its page", async () => {
    // Registration has closed: the client still sees the main event they registered in, but not a session they are not in.
    const main = await event({ registrationDeadline: new Date(Date.now() - day) });
    const joined = await event({ mainEventId: main.id });
    const notJoined = await event({ mainEventId: main.id });
    for (const id of [main.id, joined.id])
      await t.prisma.registration.create({
        data: { eventId: id, userId: client.userId, name: client.name, email: client.email, status: "REGISTERED", source: "PORTAL" },
      });
    const page = await getPortalEvent(t.prisma, client, main.number);
    expect(page.secondaryEvents.map((s) => [s.number, s.reachable])).toEqual([
      [joined.number, true],
      [notJoined.number, false],
    ]);
    await expect(getPortalEvent(t.prisma, client, notJoined.number)).rejects.toThrow();
  });
});

describe("artwork", () => {
  it("is served to those who may open the event's page: a session of an open main event too", async () => {
    const main = await event({ artworkFileId: artworkId });
    const session = await event({ mainEventId: main.id, visibleInPortal: false, artworkFileId: artworkId });
    const hidden = await event({ visibleInPortal: false, artworkFileId: artworkId });
    expect(await eventArtworkFileId(t.prisma, client, main.slug)).toBe(artworkId);
    // The client may open the session's portal page, so its artwork loads there.
    await expect(getPortalEvent(t.prisma, client, session.number)).resolves.toBeTruthy();
    expect(await eventArtworkFileId(t.prisma, client, session.slug)).toBe(artworkId);
    // Neither the public nor a client sees a hidden event's artwork; staff do.
    expect(await eventArtworkFileId(t.prisma, null, main.slug)).toBeNull();
    expect(await eventArtworkFileId(t.prisma, other, hidden.slug)).toBeNull();
    expect(await eventArtworkFileId(t.prisma, staff, hidden.slug)).toBe(artworkId);
  });

  it("is public with a public event's page, and only with a page that exists", async () => {
    const main = await event({ publicRegistration: true, visibleInPortal: false, artworkFileId: artworkId });
    const session = await event({ mainEventId: main.id, visibleInPortal: false, artworkFileId: artworkId });
    expect(await eventArtworkFileId(t.prisma, null, main.slug)).toBe(artworkId);
    expect(await eventArtworkFileId(t.prisma, null, session.slug)).toBe(artworkId);
    // A session flagged public under a main event that is not has no public page, nor public artwork.
    const privateMain = await event({ visibleInPortal: false });
    const flagged = await event({ mainEventId: privateMain.id, publicRegistration: true, visibleInPortal: false, artworkFileId: artworkId });
    await expect(getPublicEvent(t.prisma, flagged.slug)).rejects.toThrow();
    expect(await eventArtworkFileId(t.prisma, null, flagged.slug)).toBeNull();
  });
});
