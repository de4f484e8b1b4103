"use client";

// Marks the page once React has hydrated it (<html data-hydrated>). Until
// then a form shows but is not React's yet: what is typed into it may be
// reset when its fields register. Browser tests wait for the mark before
// they type into a page they have just loaded.
import { useEffect } from "react";

export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
