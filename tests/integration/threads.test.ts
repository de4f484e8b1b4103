// The conversation core (lib/threads) and the attachment-owner registry
// (lib/files): a post is found, locked, stored with the poster's own free
// uploads and e-mailed in one transaction; anything refused on the way stores
// nothing and takes no file; internal posts are staff's and e-mail nobody;
// posts to one owner wait for each other's row lock; every record that can
// hold a file is registered, so no upload is ever attached twice.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { attachmentOwners } from "@/lib/files/attachment-owners";
import { claimUploads } from "@/lib/files/files";
import { appendToThread, type ThreadEntry, type ThreadStore } from "@/lib/threads/threads";
import { centralInput, createCompany, createOptions, send, upload } from "../helpers/contacts";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let staff: Actor;
let rep: Actor;
let contactId: string;

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF")).actor;
  const company = await createCompany(t.prisma);
  rep = company.rep;
  const { number } = await send(t.prisma, rep, centralInput(await createOptions(t.prisma)));
  contactId = (await t.prisma.contact.findUniqueOrThrow({ where: { number } })).id;
});

/** A store over a contact's tables that records what the core asks of it. */
function recordingStore(options: { closed?: boolean; beforeWrite?: () => Promise<void> } = {}) {
  const calls: string[] = [];
  const entries: ThreadEntry[] = [];
  const store: ThreadStore<{ id: string; updatedAt: Date }> = {
    async lock(tx, id) {
      calls.push("lock");
      await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${id}::uuid FOR UPDATE`;
      calls.push("locked");
      if (options.closed) throw new ConflictError("contacts.errors.finished");
    },
    async write(tx, entry) {
      calls.push("write");
      entries.push(entry);
      await options.beforeWrite?.();
      const message = await tx.contactMessage.create({
        data: {
          contactId: entry.ownerId,
          authorId: entry.authorId,
          authorName: entry.authorName,
          fromStaff: entry.fromStaff,
          body: entry.body ?? "",
          createdAt: entry.at,
          attachments: { create: entry.files.map((f) => ({ fileId: f.id })) },
        },
        select: { id: true },
      });
      return message.id;
    },
    async touch(tx, id, at) {
      calls.push("touch");
      return tx.contact.update({ where: { id }, data: { updatedAt: at }, select: { id: true, updatedAt: true } });
    },
  };
  const find = async (tx: DbOrTx) => {
    calls.push("find");
    return (await tx.contact.findUniqueOrThrow({ where: { id: contactId }, select: { id: true } })).id;
  };
  return { store, calls, entries, find };
}

const isFree = async (fileId: string) => (await t.prisma.contactAttachment.count({ where: { fileId } })) === 0;

describe("appendToThread", () => {
  it("finds, locks, claims, writes, touches and notifies, in that order, with one time for the message and the owner", async () => {
    const { store, calls, entries, find } = recordingStore();
    const file = await upload(t.prisma, staff);
    const result = await appendToThread(t.prisma, staff, store, {
      find,
      body: "On it",
      fileIds: [file.id],
      notify: async (_tx, owner) => {
        calls.push("notify");
        return [`mail-${owner.id}`];
      },
    });
    expect(calls).toEqual(["find", "lock", "locked", "write", "touch", "notify"]);
    expect(entries[0]).toMatchObject({
      ownerId: contactId,
      authorId: staff.userId,
      authorName: staff.name,
      fromStaff: true,
      body: "On it",
      visibility: "public",
    });
    expect(entries[0].files.map((f) => f.id)).toEqual([file.id]);
    expect(result.owner.updatedAt).toEqual(entries[0].at);
    expect(result.emailIds).toEqual([`mail-${contactId}`]);
    const message = await t.prisma.contactMessage.findUniqueOrThrow({ where: { id: result.messageId }, include: { attachments: true } });
    expect(message.attachments.map((a) => a.fileId)).toEqual([file.id]);
  });

  it("marks a client's post as not from staff", async () => {
    const { store, entries, find } = recordingStore();
    await appendToThread(t.prisma, rep, store, { find, body: "Any news?", fileIds: [] });
    expect(entries[0]).toMatchObject({ authorId: rep.userId, fromStaff: false });
  });

  it("refuses an internal post from anyone but staff before looking the owner up", async () => {
    const { store, calls, find } = recordingStore();
    await expect(appendToThread(t.prisma, rep, store, { find, body: "psst", fileIds: [], visibility: "internal" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(calls).toEqual([]);
  });

  it("e-mails nobody about an internal post", async () => {
    const { store, entries, find } = recordingStore();
    let asked = false;
    const result = await appendToThread(t.prisma, staff, store, {
      find,
      body: "Staff only",
      fileIds: [],
      visibility: "internal",
      notify: async () => {
        asked = true;
        return ["never"];
      },
    });
    expect(asked).toBe(false);
    expect(result.emailIds).toEqual([]);
    expect(entries[0].visibility).toBe("internal");
  });

  it("a post the owner refuses takes no file: the upload stays free for the next one", async () => {
    const file = await upload(t.prisma, rep);
    const closed = recordingStore({ closed: true });
    await expect(appendToThread(t.prisma, rep, closed.store, { find: closed.find, body: "Wait", fileIds: [file.id] })).rejects.toBeInstanceOf(ConflictError);
    expect(closed.calls).not.toContain("write");
    expect(await isFree(file.id)).toBe(true);
    const open = recordingStore();
    await appendToThread(t.prisma, rep, open.store, { find: open.find, body: "Now", fileIds: [file.id] });
    expect(await isFree(file.id)).toBe(false);
  });

  it("a failing e-mail undoes the whole post", async () => {
    const { store, find } = recordingStore();
    const file = await upload(t.prisma, staff);
    const before = await t.prisma.contactMessage.count({ where: { contactId } });
    const failing = appendToThread(t.prisma, staff, store, {
      find,
      body: "Lost",
      fileIds: [file.id],
      notify: async () => {
        throw new Error("outbox unavailable");
      },
    });
    await expect(failing).rejects.toThrow("outbox unavailable");
    expect(await t.prisma.contactMessage.count({ where: { contactId } })).toBe(before);
    expect(await isFree(file.id)).toBe(true);
  });

  it("takes only the poster's own free uploads", async () => {
    const { store, find } = recordingStore();
    const someoneElses = await upload(t.prisma, staff);
    await expect(appendToThread(t.prisma, rep, store, { find, body: "Borrowed", fileIds: [someoneElses.id] })).rejects.toBeInstanceOf(ValidationError);
    const mine = await upload(t.prisma, rep);
    await appendToThread(t.prisma, rep, store, { find, body: "Mine", fileIds: [mine.id] });
    await expect(appendToThread(t.prisma, rep, store, { find, body: "Again", fileIds: [mine.id] })).rejects.toBeInstanceOf(ValidationError);
  });

  it("a second post to the same owner waits for the first one's row lock", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let writing!: () => void;
    const firstWrites = new Promise<void>((resolve) => (writing = resolve));
    const first = recordingStore({
      beforeWrite: async () => {
        writing();
        await gate;
      },
    });
    const second = recordingStore();
    const a = appendToThread(t.prisma, staff, first.store, { find: first.find, body: "first", fileIds: [] });
    await firstWrites;
    const b = appendToThread(t.prisma, staff, second.store, { find: second.find, body: "second", fileIds: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.calls).not.toContain("locked");
    release();
    await Promise.all([a, b]);
    expect(second.calls).toContain("write");
    const bodies = (await t.prisma.contactMessage.findMany({ where: { contactId, body: { in: ["first", "second"] } }, orderBy: { createdAt: "asc" } })).map(
      (m) => m.body,
    );
    expect(bodies).toEqual(["first", "second"]);
  });
});

describe("attachment owners", () => {
  it("cover every record that can hold an uploaded file", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const storedFile = /model StoredFile \{([\s\S]*?)\n\}/.exec(schema)![1];
    // The relations back to the records holding a file: `name Model?` (the owner user is not one).
    const holders = [...storedFile.matchAll(/^\s+(\w+)\s+[A-Z]\w*\?\s*$/gm)].map((m) => m[1]).filter((name) => name !== "owner");
    expect(holders.length).toBeGreaterThanOrEqual(3);
    expect(attachmentOwners.map((o) => o.relation).sort()).toEqual(holders.sort());
  });

  it("an upload any owner holds cannot be claimed again, a guest request's included", async () => {
    const file = await upload(t.prisma, staff);
    const tag = uniqueTag();
    const request = await t.prisma.guestRequest.create({ data: { statusTokenHash: `hash-${tag}`, submissionKey: `key-${tag}` } });
    await t.prisma.guestRequestFile.create({ data: { requestId: request.id, fileId: file.id } });
    await expect(claimUploads(t.prisma, staff, [file.id])).rejects.toBeInstanceOf(ValidationError);
    const free = await upload(t.prisma, staff);
    expect((await claimUploads(t.prisma, staff, [free.id])).map((f) => f.id)).toEqual([free.id]);
  });

  it("only a portal client reads through an owner; staff read every file by the uploader-and-staff rule", async () => {
    const { store, find } = recordingStore();
    const file = (await upload(t.prisma, staff)).id;
    await appendToThread(t.prisma, staff, store, { find, body: "See the file", fileIds: [file] });
    for (const owner of attachmentOwners) expect(await owner.mayRead(t.prisma, staff, file)).toBe(false);
    const readers = await Promise.all(attachmentOwners.map((owner) => owner.mayRead(t.prisma, rep, file)));
    expect(readers).toEqual(attachmentOwners.map((o) => o.relation === "contactAttachment"));
  });
});
