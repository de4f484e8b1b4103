import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** In a page: a domain NotFoundError becomes Next.js's 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
