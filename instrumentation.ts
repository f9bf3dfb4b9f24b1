/**
 * Next calls this once when the server starts. Runs a previous process left unfinished resume
 * when the dependencies are created, so they are created at boot rather than on the first
 * request. Not by importing lib/server here: instrumentation gets its own copy of the modules,
 * and errors thrown by that copy's classes would fail the routes' `instanceof` checks. A request
 * to the app's own health route creates them in the routes' copy.
 */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  void wakeUp();
}

async function wakeUp() {
  for (let attempt = 0; attempt < 120; attempt++) {
    const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
