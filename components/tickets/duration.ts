// Time spent in a stage, in at most two units ("3 d 4 h", "2 h 5 min"), for
// the stage history. The units are translated by the caller.
export type DurationUnit = "days" | "hours" | "minutes";

export function durationParts(ms: number): { unit: DurationUnit; value: number }[] {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0)
    return hours > 0
      ? [
          { unit: "days", value: days },
          { unit: "hours", value: hours },
        ]
      : [{ unit: "days", value: days }];
  if (hours > 0)
    return mins > 0
      ? [
          { unit: "hours", value: hours },
          { unit: "minutes", value: mins },
        ]
      : [{ unit: "hours", value: hours }];
  return mins > 0 ? [{ unit: "minutes", value: mins }] : [];
}
