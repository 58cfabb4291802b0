// How the process ends. A batch stopped by Ctrl-C or SIGTERM has saved its work by the time its command returns; it
// then exits at once with 130 or 143. Left to end on its own, Node would first tear down its signal handlers, and a
// late second Ctrl-C landing in that window would kill the process by the signal instead of the exit code.

/** The exit codes of a command a signal stopped: 128 + the signal's number, as shells report it. */
export const interruptedExitCode = { SIGHUP: 129, SIGINT: 130, SIGPIPE: 141, SIGTERM: 143 } as const;

const interruptedCodes: readonly number[] = Object.values(interruptedExitCode);

export function endProcess(code: number): void {
  if (interruptedCodes.includes(code)) process.exit(code);
  process.exitCode = code;
}
