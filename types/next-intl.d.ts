import type messages from "../messages/en.json";

// Message keys are typed from the English catalogue: a key missing from it
// fails the typecheck instead of rendering the raw key to a user.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
  }
}
