// A factory whose return type is the Tracker, and one whose type is inferred.
import { Tracker } from "./tracking";

export function make(): Tracker {
  return new Tracker({ env: "prod", destinations: { segment: {} } });
}

export const makeInferred = () => make();
