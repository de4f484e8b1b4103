// A conversation kept on a record (a ticket's discussion, a contact's thread):
// messages with files, added one at a time. Every post runs in one transaction
// under the owner's row lock, so it never lands on a record closed a moment
// before; the files are the poster's own unattached uploads (claimUploads),
// taken only once the owner accepted the post; the owner's e-mails are queued
// in the same transaction, so a post and its notices are stored together.
// Visibility: a public post is seen by everyone on the thread, an internal one
// (a staff note) by staff only; internal posts come from staff and are never
// e-mailed. Each owner keeps its own rules: who may post, when it is closed,
// whom to tell.
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { claimUploads, type UploadedFile } from "@/lib/files/files";

type Visibility = "public" | "internal";

/** Staff see and write internal posts; everyone else only public ones. */
function seesInternal(actor: Actor): boolean {
  return isStaff(actor);
}

/** One post as the owner's store writes it. */
export interface ThreadEntry {
  ownerId: string;
  authorId: string;
  authorName: string;
  fromStaff: boolean;
  /** The message; null when files are added without one. */
  body: string | null;
  visibility: Visibility;
  files: UploadedFile[];
  at: Date;
}

/** How one kind of owner keeps its thread: its row lock, its tables, its update time. */
export interface ThreadStore<Owner> {
  /** Takes the owner's row lock (FOR UPDATE) and refuses when the owner takes no posts now. */
  lock(tx: DbOrTx, ownerId: string): Promise<void>;
  /** Stores the entry; the new message's id, or null when only files were added. */
  write(tx: DbOrTx, entry: ThreadEntry): Promise<string | null>;
  /** Marks the owner updated at `at` and returns what its e-mails need. */
  touch(tx: DbOrTx, ownerId: string, at: Date): Promise<Owner>;
}

export interface ThreadPost<Owner> {
  /** The owner's id within what the actor may reach (NotFoundError otherwise); runs in the transaction, before the lock. */
  find: (tx: DbOrTx) => Promise<string>;
  /** The message; null to add files alone. */
  body: string | null;
  fileIds: readonly string[];
  visibility?: Visibility;
  /** Queues the owner's e-mails about a public post (whom to tell is the owner's choice); their outbox ids. */
  notify?: (tx: DbOrTx, owner: Owner) => Promise<string[]>;
}

export interface Appended<Owner> {
  /** The new message, or null when only files were added. */
  messageId: string | null;
  owner: Owner;
  emailIds: string[];
}

/** Adds a post to the owner's thread; with a message, its id comes back. */
export async function appendToThread<Owner>(
  db: Db,
  actor: Actor,
  store: ThreadStore<Owner>,
  post: ThreadPost<Owner> & { body: string },
): Promise<Appended<Owner> & { messageId: string }>;
export async function appendToThread<Owner>(db: Db, actor: Actor, store: ThreadStore<Owner>, post: ThreadPost<Owner>): Promise<Appended<Owner>>;
export async function appendToThread<Owner>(db: Db, actor: Actor, store: ThreadStore<Owner>, post: ThreadPost<Owner>): Promise<Appended<Owner>> {
  const visibility = post.visibility ?? "public";
  if (visibility === "internal" && !seesInternal(actor)) throw new ForbiddenError("errors.forbiddenBody");
  return db.$transaction(async (tx) => {
    const ownerId = await post.find(tx);
    await store.lock(tx, ownerId);
    const files = await claimUploads(tx, actor, post.fileIds);
    const at = now();
    const messageId = await store.write(tx, {
      ownerId,
      authorId: actor.userId,
      authorName: actor.name,
      fromStaff: isStaff(actor),
      body: post.body,
      visibility,
      files,
      at,
    });
    const owner = await store.touch(tx, ownerId, at);
    const emailIds = visibility === "public" && post.notify ? await post.notify(tx, owner) : [];
    return { messageId, owner, emailIds };
  });
}
