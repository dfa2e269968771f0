/** Main-process log lines with a prefix; rejected IPC and protocol requests are logged here with their reason. */
export type Log = (message: string) => void;

export const log: Log = (message) => {
  console.warn(`[main] ${new Date().toISOString()} ${message}`);
};
