// What a test page reports to the runner (run_pages.mjs): the id the SDK holds at each
// step of the journey, then that it is done, or the error that stopped it.

interface JourneyState {
  ids: { [step: string]: string | null };
  done: boolean;
  error: string | null;
}

declare global {
  interface Window {
    journey: JourneyState;
  }
}

window.journey = { ids: {}, done: false, error: null };

/** Record the SDK's current id under `name`. */
export async function step(name: string, id: () => Promise<string | null>): Promise<void> {
  window.journey.ids[name] = await id();
}

export function finish(): void {
  window.journey.done = true;
}

export function run(journey: () => Promise<void>): void {
  journey().catch((error: unknown) => {
    window.journey.error = error instanceof Error ? error.stack || error.message : String(error);
  });
}
